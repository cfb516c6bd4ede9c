import { recordAdminAction } from "@market/core/admin";
import { settlementProgress } from "@market/core/bets";
import { createMarket, getResolvedMarket, resolveMarket, toMarketView } from "@market/core/markets";
import type { AppRouteHandler } from "../../http/route-kinds";
import { noReason } from "./audit-actions";
import type * as routes from "./markets.routes";

export const create: AppRouteHandler<typeof routes.create> = async (c) => {
  const { reason, ...input } = c.req.valid("json");
  const market = await createMarket(c.var.core, input);
  await recordAdminAction(c.var.core, {
    type: "market_create",
    adminId: c.var.caller.userId,
    subjectId: market.marketId,
    reason: reason ?? noReason,
  });
  return c.json(toMarketView(market, c.var.core.clock()), 201);
};

export const resolve: AppRouteHandler<typeof routes.resolve> = async (c) => {
  const { marketId } = c.req.valid("param");
  const { resolution, reason } = c.req.valid("json");
  const market = await resolveMarket(c.var.core, marketId, resolution);
  await recordAdminAction(c.var.core, {
    type: "market_resolve",
    adminId: c.var.caller.userId,
    subjectId: marketId,
    reason: reason ?? noReason,
    to: resolution,
  });
  const { executionName } = await c.var.services.settlement.start(marketId);
  return c.json(
    { market: toMarketView(market, c.var.core.clock()), settlement: { executionName } },
    200,
  );
};

export const restartSettlement: AppRouteHandler<typeof routes.restartSettlement> = async (c) => {
  const { marketId } = c.req.valid("param");
  await getResolvedMarket(c.var.core, marketId);
  await recordAdminAction(c.var.core, {
    type: "market_settle",
    adminId: c.var.caller.userId,
    subjectId: marketId,
    reason: "settlement started again",
  });
  const { executionName } = await c.var.services.settlement.start(marketId);
  return c.json({ executionName }, 202);
};

export const settlement: AppRouteHandler<typeof routes.settlement> = async (c) => {
  return c.json(await settlementProgress(c.var.core, c.req.valid("param").marketId), 200);
};
