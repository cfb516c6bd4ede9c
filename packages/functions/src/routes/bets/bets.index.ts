import { createRouter } from "../../http/router";
import { getBetHandler, listMyBetsHandler, placeBetHandler } from "./bets.handlers";
import { getBetRoute, listMyBetsRoute, placeBetRoute } from "./bets.routes";

// /bets/me is registered before /bets/{betId} so "me" is never taken for an id.
export const betsRouter = createRouter()
  .openapi(placeBetRoute, placeBetHandler)
  .openapi(listMyBetsRoute, listMyBetsHandler)
  .openapi(getBetRoute, getBetHandler);
