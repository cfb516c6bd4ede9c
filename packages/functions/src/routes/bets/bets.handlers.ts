import {
  cashOut as cashOutBet,
  getOwnBet,
  listOwnBetViews,
  placeBet,
  quoteCashout as quoteBetCashout,
  toBetView,
  toBetViews,
} from "@market/core/bets";
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
    expectedOdds: body.expectedOdds,
    idempotencyKey: c.req.valid("header")["idempotency-key"],
    checkCaller: c.var.caller.checkOnRead,
  });
  // Placed at this moment's odds, which value the new position.
  return c.json(
    { bet: toBetView(placed.bet, placed.bet.oddsAtBet), newBalance: placed.newBalance },
    placed.replayed ? 200 : 201,
  );
};

export const listMine: AppRouteHandler<typeof routes.listMine> = async (c) => {
  const page = await listOwnBetViews(c.var.core, c.var.caller.userId, c.req.valid("query"));
  return c.json(
    pageBody("bets", page, (view) => view),
    200,
  );
};

export const getOne: AppRouteHandler<typeof routes.getOne> = async (c) => {
  const bet = await getOwnBet(c.var.core, c.var.caller.userId, c.req.valid("param").betId);
  const [view] = await toBetViews(c.var.core, [bet]);
  return c.json(view ?? toBetView(bet), 200);
};

export const quoteCashout: AppRouteHandler<typeof routes.quoteCashout> = async (c) => {
  const quote = await quoteBetCashout(c.var.core, c.var.caller.userId, c.req.valid("param").betId);
  return c.json(quote, 200);
};

export const cashOut: AppRouteHandler<typeof routes.cashOut> = async (c) => {
  const done = await cashOutBet(
    c.var.core,
    c.var.caller.userId,
    c.req.valid("param").betId,
    c.req.valid("json").quoteId,
  );
  return c.json(
    { bet: toBetView(done.bet), credited: done.credited, newBalance: done.newBalance },
    200,
  );
};
