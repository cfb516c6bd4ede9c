import { createRouter } from "../../http/router";
import { getMarketHandler, listMarketsHandler, oddsHistoryHandler } from "./markets.handlers";
import { getMarketRoute, listMarketsRoute, oddsHistoryRoute } from "./markets.routes";

export const marketsRouter = createRouter()
  .openapi(listMarketsRoute, listMarketsHandler)
  .openapi(getMarketRoute, getMarketHandler)
  .openapi(oddsHistoryRoute, oddsHistoryHandler);
