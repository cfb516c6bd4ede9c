import { batchGetRaw, keyText, type TableKey } from "../batch-get";
import type { CoreContext } from "../context";
import { type BetItem, type BetStatus, betStatuses } from "../entities/bet";
import { betCounterOf } from "../entities/user";
import { pageSizes } from "../limits";
import {
  type Page,
  type PageRequest,
  pageOf,
  pageQuery,
  pageStart,
  scopeOf,
  sourceOf,
} from "../paging";
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
 * The caller's bets as the API shows them, newest first, optionally of one
 * status: one Query with a `Limit` of the page, then one BatchGetItem of the
 * user's bet counters (kept by placement and settlement: the `total`) and the
 * markets of the page's pending bets (their value at today's odds). Two
 * requests, whatever the page holds.
 */
export async function listOwnBetViews(
  ctx: CoreContext,
  userId: string,
  request: PageRequest & { status?: BetStatus | undefined },
): Promise<Page<BetView>> {
  const { status } = request;
  const bets = serviceFor(ctx.db).entities.bet;
  const query = status
    ? bets.query.byUserStatus({ userId, status })
    : bets.query.byUser({ userId });
  const start = pageStart(ctx, request, scopeOf("bets", userId, { status }), pageSizes.bets);
  const read = await pageQuery(ctx, sourceOf(query, bets, "desc"), start);
  const counters = (status ? [status] : betStatuses).map(betCounterOf);
  const { owner, odds } = await readOwnerAndOdds(ctx, userId, counters, pendingMarkets(read.items));
  const total = counters.reduce((sum, counter) => sum + Math.max(0, owner?.[counter] ?? 0), 0);
  const items = read.items.map((bet) => toBetView(bet, odds.get(bet.marketId)?.[bet.side]));
  return pageOf(ctx, start, { ...read, items }, total);
}

type Odds = { this?: number | undefined; that?: number | undefined };

function pendingMarkets(bets: BetItem[]): string[] {
  return [...new Set(bets.filter((bet) => bet.status === "pending").map((bet) => bet.marketId))];
}

/** The user's `counters` and today's odds of `marketIds`, in one BatchGetItem. */
async function readOwnerAndOdds(
  ctx: CoreContext,
  userId: string,
  counters: string[],
  marketIds: string[],
): Promise<{ owner: Record<string, number> | undefined; odds: Map<string, Odds> }> {
  const { entities } = serviceFor(ctx.db);
  const ownerKey = entities.user.get({ userId }).params().Key as TableKey;
  const marketKeys = marketIds.map(
    (marketId) => [marketId, entities.market.get({ marketId }).params().Key as TableKey] as const,
  );
  const found = await batchGetRaw(ctx, [ownerKey, ...marketKeys.map(([, key]) => key)], {
    attributes: ["thisOdds", "thatOdds", ...counters],
  });
  const odds = new Map<string, Odds>();
  for (const [marketId, key] of marketKeys) {
    const market = found.get(keyText(key));
    if (market) {
      odds.set(marketId, {
        this: market.thisOdds as number | undefined,
        that: market.thatOdds as number | undefined,
      });
    }
  }
  return { owner: found.get(keyText(ownerKey)) as Record<string, number> | undefined, odds };
}
