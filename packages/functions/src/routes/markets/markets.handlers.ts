import {
  getMarket,
  listMarkets,
  oddsHistory,
  oddsHistoryOver,
  toMarketView,
} from "@market/core/markets";
import { pageBody } from "../../http/pages";
import type { AppRouteHandler } from "../../http/route-kinds";
import type * as routes from "./markets.routes";

export const list: AppRouteHandler<typeof routes.list> = async (c) => {
  const page = await listMarkets(c.var.core, c.req.valid("query"));
  return c.json(
    pageBody("markets", page, (market) => market),
    200,
  );
};

export const getOne: AppRouteHandler<typeof routes.getOne> = async (c) => {
  const market = await getMarket(c.var.core, c.req.valid("param").marketId);
  return c.json(toMarketView(market, c.var.core.clock()), 200);
};

export const getOddsHistory: AppRouteHandler<typeof routes.getOddsHistory> = async (c) => {
  const { marketId } = c.req.valid("param");
  const { range } = c.req.valid("query");
  // Both at once: an unknown market still answers 404 MARKET_NOT_FOUND.
  const [, snapshots] = await Promise.all([
    getMarket(c.var.core, marketId),
    range ? oddsHistoryOver(c.var.core, marketId, range) : oddsHistory(c.var.core, marketId),
  ]);
  return c.json(
    {
      points: snapshots.map((point) => ({
        at: point.takenAt,
        thisOdds: point.thisOdds,
        thatOdds: point.thatOdds,
      })),
    },
    200,
  );
};
