import type { RouteHandler } from "@hono/zod-openapi";
import { getOwnBet, listOwnBets, placeBet, toBetView } from "@market/core/bets";
import type { AppEnv } from "../../http/env";
import type { getBetRoute, listMyBetsRoute, placeBetRoute } from "./bets.routes";

export const placeBetHandler: RouteHandler<typeof placeBetRoute, AppEnv> = async (c) => {
  const body = c.req.valid("json");
  const placed = await placeBet(c.var.core, {
    userId: c.var.caller.userId,
    marketId: body.marketId,
    amount: body.amount,
    side: body.side,
    idempotencyKey: c.req.valid("header")["idempotency-key"],
  });
  return c.json(
    { bet: toBetView(placed.bet), newBalance: placed.newBalance },
    placed.replayed ? 200 : 201,
  );
};

export const listMyBetsHandler: RouteHandler<typeof listMyBetsRoute, AppEnv> = async (c) => {
  const query = c.req.valid("query");
  const page = await listOwnBets(c.var.core, c.var.caller.userId, query);
  return c.json(
    { bets: page.bets.map(toBetView), limit: query.limit, nextCursor: page.nextCursor },
    200,
  );
};

export const getBetHandler: RouteHandler<typeof getBetRoute, AppEnv> = async (c) => {
  const bet = await getOwnBet(c.var.core, c.var.caller.userId, c.req.valid("param").betId);
  return c.json(toBetView(bet), 200);
};
