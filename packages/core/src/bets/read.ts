import type { CoreContext } from "../context";
import { type BetItem, type BetStatus, betStatuses } from "../entities/bet";
import { betCounterOf } from "../entities/user";
import { pageSizes } from "../limits";
import { listPage, type Page, type PageRequest, scopeOf, sourceOf } from "../paging";
import { serviceFor } from "../service";
import { BetNotFound } from "./errors";

/** A bet as the API shows it (`POST /bets`, `GET /bets/me`, `GET /bets/:id`). */
export function toBetView(bet: BetItem) {
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
  };
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
