import type { RouteHandler } from "@hono/zod-openapi";
import { DomainError } from "@market/core";
import { createMarket, getMarket, resolveMarket, toMarketView } from "@market/core/markets";
import type { AppEnv } from "../../http/env";
import { runMarketSync, runResolutionPoll } from "../../jobs/markets";
import type {
  createMarketRoute,
  marketSyncRoute,
  resolutionPollRoute,
  resolveMarketRoute,
  restartSettlementRoute,
} from "./markets.routes";

export const createMarketHandler: RouteHandler<typeof createMarketRoute, AppEnv> = async (c) => {
  return c.json(toMarketView(await createMarket(c.var.core, c.req.valid("json"))), 201);
};

export const resolveMarketHandler: RouteHandler<typeof resolveMarketRoute, AppEnv> = async (c) => {
  const { marketId } = c.req.valid("param");
  const market = await resolveMarket(c.var.core, marketId, c.req.valid("json").resolution);
  const { executionName } = await c.var.services.settlement.start(marketId);
  return c.json({ market: toMarketView(market), settlement: { executionName } }, 200);
};

export const marketSyncHandler: RouteHandler<typeof marketSyncRoute, AppEnv> = async (c) => {
  return c.json(await runMarketSync(c.var.core, c.var.services), 200);
};

export const resolutionPollHandler: RouteHandler<typeof resolutionPollRoute, AppEnv> = async (
  c,
) => {
  return c.json(await runResolutionPoll(c.var.core, c.var.services), 200);
};

class MarketNotResolved extends DomainError {
  constructor(marketId: string) {
    super("MARKET_NOT_RESOLVED", "This market is not resolved; there is nothing to settle", {
      marketId,
    });
  }
}

export const restartSettlementHandler: RouteHandler<typeof restartSettlementRoute, AppEnv> = async (
  c,
) => {
  const { marketId } = c.req.valid("param");
  const market = await getMarket(c.var.core, marketId);
  if (market.status !== "resolved") throw new MarketNotResolved(marketId);
  const { executionName } = await c.var.services.settlement.start(marketId);
  return c.json({ executionName }, 202);
};
