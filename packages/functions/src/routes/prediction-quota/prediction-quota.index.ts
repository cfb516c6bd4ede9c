import { createRouter } from "../../http/router";
import * as handlers from "./prediction-quota.handlers";
import * as routes from "./prediction-quota.routes";

/** The session limits' standing, apart from the predictions routes it serves. */
export const predictionQuotaRouter = createRouter().openapi(routes.getQuota, handlers.getQuota);
