import type { CoreContext } from "../context";
import type { BetItem, BetStatus } from "../entities/bet";
import { readPage, serviceFor } from "../service";
import { BetNotFound } from "./errors";

/** A bet as the API shows it (seed 002 §5.4). */
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

/** The caller's bets, newest first, optionally of one status. */
export async function listOwnBets(
  ctx: CoreContext,
  userId: string,
  options: { status?: BetStatus | undefined; limit?: number; cursor?: string | undefined },
): Promise<{ bets: BetItem[]; nextCursor: string | null }> {
  const bets = serviceFor(ctx.db).entities.bet;
  const query = options.status
    ? bets.query.byUserStatus({ userId, status: options.status })
    : bets.query.byUser({ userId });
  const page = await readPage(() =>
    query.go({
      order: "desc",
      count: options.limit ?? 20,
      pages: "all",
      cursor: options.cursor ?? null,
    }),
  );
  return { bets: page.data, nextCursor: page.cursor };
}
