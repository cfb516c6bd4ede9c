import { createRouter } from "../../http/validating-router";
import * as handlers from "./predictions.handlers";
import * as routes from "./predictions.routes";
import * as quotaHandlers from "./quota.handlers";
import * as quotaRoutes from "./quota.routes";

export const predictionsRouter = createRouter()
  .openapi(routes.listModels, handlers.listModels)
  .openapi(routes.modelScores, handlers.modelScores)
  .openapi(quotaRoutes.getQuota, quotaHandlers.getQuota)
  .openapi(routes.start, handlers.start)
  .openapi(routes.list, handlers.list)
  .openapi(routes.getOne, handlers.getOne);
