import { createRouter } from "../../http/validating-router";
import * as handlers from "./markets.handlers";
import * as routes from "./markets.routes";

export const marketsRouter = createRouter()
  .openapi(routes.list, handlers.list)
  .openapi(routes.getOne, handlers.getOne)
  .openapi(routes.getOddsHistory, handlers.getOddsHistory);
