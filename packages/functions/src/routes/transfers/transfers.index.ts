import { createRouter } from "../../http/validating-router";
import * as transfers from "./transfers.handlers";
import * as routes from "./transfers.routes";

export const transfersRouter = createRouter().openapi(routes.send, transfers.send);
