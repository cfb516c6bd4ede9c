import type { CoreContext } from "../context";
import { type BetItem, type BetStatus, betStatuses } from "../entities/bet";
import { betCounterOf } from "../entities/user";
import { pageSizes } from "../limits";
import { listPage, type Page, type PageRequest, scopeOf, sourceOf } from "../paging";
import { serviceFor } from "../service";
import { BetNotFound } from "./errors";
import { currentValue, unrealizedPnL } from "./payout";

/**
 * A bet as the API shows it (`POST /bets`, `GET /bets/me`, `GET /bets/:id`).
 * `currentOdds` (today's odds of the bet's side) values a pending bet
 * (docs/product-rules.md#payout); a settled one shows what it paid instead.
 */
export function toBetView(bet: BetItem, currentOdds?: number | undefined) {
  const value =
    bet.status === "pending" && currentOdds !== undefined
      ? currentValue(bet.potentialPayout, currentOdds)
      : null;
  return {
    id: bet.betId,
    userId: bet.userId,
    marketId: bet.marketId,
    market: {
      id: bet.marketId,
      title: bet.marketTitle,
      thisOption: bet.thisOption,
      thatOption: bet.thatOption,
    },
    amount: bet.amount,
    side: bet.side,
    oddsAtBet: bet.oddsAtBet,
    potentialPayout: bet.potentialPayout,
    actualPayout: bet.actualPayout ?? null,
    status: bet.status,
    placedAt: bet.placedAt,
    resolvedAt: bet.resolvedAt ?? null,
    /** What a pending bet is worth at today's odds; null once settled or without odds. */
    currentValue: value,
    unrealizedPnL: value === null ? null : unrealizedPnL(bet.amount, value),
    /** What a cash-out credited; null unless `cashed_out`. */
    cashoutAmount: bet.cashoutAmount ?? null,
  };
}

/**
 * Views of bets with their pending positions valued: today's odds of their
 * markets in one BatchGetItem (only the markets of pending bets are read).
 */
export async function toBetViews(ctx: CoreContext, bets: BetItem[]): Promise<BetView[]> {
  const marketIds = [
    ...new Set(bets.filter((bet) => bet.status === "pending").map((bet) => bet.marketId)),
  ];
  const odds = new Map<string, { this?: number | undefined; that?: number | undefined }>();
  if (marketIds.length > 0) {
    const { data } = await serviceFor(ctx.db)
      .entities.market.get(marketIds.map((marketId) => ({ marketId })))
      .go({ attributes: ["marketId", "thisOdds", "thatOdds"] });
    for (const market of data) {
      odds.set(market.marketId, { this: market.thisOdds, that: market.thatOdds });
    }
  }
  return bets.map((bet) => toBetView(bet, odds.get(bet.marketId)?.[bet.side]));
}

export type BetView = ReturnType<typeof toBetView>;

/** One of the caller's bets; anyone else's is "not found". */
export async function getOwnBet(ctx: CoreContext, userId: string, betId: string): Promise<BetItem> {
  const { data } = await serviceFor(ctx.db).entities.bet.get({ betId }).go();
  if (!data || data.userId !== userId) throw new BetNotFound(betId);
  return data;
}

/**
 * The caller's bets, newest first, optionally of one status: one Query with a
 * `Limit` of the page, and `total` from the user's bet counters (kept by
 * placement and settlement), read beside it.
 */
export async function listOwnBets(
  ctx: CoreContext,
  userId: string,
  request: PageRequest & { status?: BetStatus | undefined },
): Promise<Page<BetItem>> {
  const { status } = request;
  const bets = serviceFor(ctx.db).entities.bet;
  const query = status
    ? bets.query.byUserStatus({ userId, status })
    : bets.query.byUser({ userId });
  return listPage(ctx, request, {
    scope: scopeOf("bets", userId, { status }),
    size: pageSizes.bets,
    query: sourceOf(query, bets, "desc"),
    total: () => countBets(ctx, userId, status),
  });
}

/** The user's bets in `status` (all without one), from the counters on the user item. */
async function countBets(ctx: CoreContext, userId: string, status?: BetStatus): Promise<number> {
  const counters = (status ? [status] : betStatuses).map(betCounterOf);
  const { data } = await serviceFor(ctx.db)
    .entities.user.get({ userId })
    .go({ attributes: counters });
  return counters.reduce((sum, counter) => sum + Math.max(0, data?.[counter] ?? 0), 0);
}
