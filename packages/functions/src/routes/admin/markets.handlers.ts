import { DomainError } from "@market/core";
import { settlementProgress } from "@market/core/bets";
import { createMarket, getMarket, resolveMarket, toMarketView } from "@market/core/markets";
import type { AppRouteHandler } from "../../http/routes";
import { runMarketSync, runResolutionPoll } from "../../jobs/markets";
import type * as routes from "./markets.routes";

export const create: AppRouteHandler<typeof routes.create> = async (c) => {
  return c.json(toMarketView(await createMarket(c.var.core, c.req.valid("json"))), 201);
};

export const resolve: AppRouteHandler<typeof routes.resolve> = async (c) => {
  const { marketId } = c.req.valid("param");
  const market = await resolveMarket(c.var.core, marketId, c.req.valid("json").resolution);
  const { executionName } = await c.var.services.settlement.start(marketId);
  return c.json({ market: toMarketView(market), settlement: { executionName } }, 200);
};

export const marketSync: AppRouteHandler<typeof routes.marketSync> = async (c) => {
  return c.json(await runMarketSync(c.var.core, c.var.services), 200);
};

export const resolutionPoll: AppRouteHandler<typeof routes.resolutionPoll> = async (c) => {
  return c.json(await runResolutionPoll(c.var.core, c.var.services), 200);
};

class MarketNotResolved extends DomainError {
  constructor(marketId: string) {
    super("MARKET_NOT_RESOLVED", "This market is not resolved; there is nothing to settle", {
      marketId,
    });
  }
}

export const restartSettlement: AppRouteHandler<typeof routes.restartSettlement> = async (c) => {
  const { marketId } = c.req.valid("param");
  const market = await getMarket(c.var.core, marketId);
  if (market.status !== "resolved") throw new MarketNotResolved(marketId);
  const { executionName } = await c.var.services.settlement.start(marketId);
  return c.json({ executionName }, 202);
};

export const settlement: AppRouteHandler<typeof routes.settlement> = async (c) => {
  return c.json(await settlementProgress(c.var.core, c.req.valid("param").marketId), 200);
};
