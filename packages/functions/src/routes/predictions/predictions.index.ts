import { createRouter } from "../../http/router";
import {
  getSessionHandler,
  listModels,
  listSessionsHandler,
  startSessionHandler,
} from "./predictions.handlers";
import {
  getSessionRoute,
  listModelsRoute,
  listSessionsRoute,
  startSessionRoute,
} from "./predictions.routes";

export const predictionsRouter = createRouter()
  .openapi(listModelsRoute, listModels)
  .openapi(startSessionRoute, startSessionHandler)
  .openapi(listSessionsRoute, listSessionsHandler)
  .openapi(getSessionRoute, getSessionHandler);
