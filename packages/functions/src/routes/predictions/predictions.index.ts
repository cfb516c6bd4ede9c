import { createRouter } from "../../http/router";
import * as handlers from "./predictions.handlers";
import * as routes from "./predictions.routes";

export const predictionsRouter = createRouter()
  .openapi(routes.listModels, handlers.listModels)
  .openapi(routes.modelScores, handlers.modelScores)
  .openapi(routes.start, handlers.start)
  .openapi(routes.list, handlers.list)
  .openapi(routes.getOne, handlers.getOne);
