import { getOwnBet, listOwnBets, placeBet, toBetView } from "@market/core/bets";
import { pageBody } from "../../http/pages";
import type { AppRouteHandler } from "../../http/route-kinds";
import type * as routes from "./bets.routes";

export const place: AppRouteHandler<typeof routes.place> = async (c) => {
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

export const listMine: AppRouteHandler<typeof routes.listMine> = async (c) => {
  const page = await listOwnBets(c.var.core, c.var.caller.userId, c.req.valid("query"));
  return c.json(pageBody("bets", page, toBetView), 200);
};

export const getOne: AppRouteHandler<typeof routes.getOne> = async (c) => {
  const bet = await getOwnBet(c.var.core, c.var.caller.userId, c.req.valid("param").betId);
  return c.json(toBetView(bet), 200);
};
