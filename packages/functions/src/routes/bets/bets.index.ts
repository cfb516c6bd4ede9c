import { createRouter } from "../../http/validating-router";
import * as handlers from "./bets.handlers";
import * as routes from "./bets.routes";

// /bets/me is registered before /bets/{betId} so "me" is never taken for an id.
export const betsRouter = createRouter()
  .openapi(routes.place, handlers.place)
  .openapi(routes.listMine, handlers.listMine)
  .openapi(routes.getOne, handlers.getOne)
  .openapi(routes.quoteCashout, handlers.quoteCashout)
  .openapi(routes.cashOut, handlers.cashOut);
