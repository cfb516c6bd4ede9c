import type { CoreContext } from "../context";
import type { BetItem } from "../entities/bet";
import type { IdempotencyKeyItem } from "../entities/idempotency-key";
import type { MarketItem } from "../entities/market";
import type { UserItem } from "../entities/user";
import { serviceFor } from "../service";

export interface PurchaseRead {
  user: UserItem | null;
  market: MarketItem | null;
  /** The idempotency key's record when the key was used before. */
  replayOf: IdempotencyKeyItem | null;
  /** The bet asked for (`betId`: a cash-out), when it exists. */
  bet: BetItem | null;
}

/**
 * What buying something on a market (a bet, a prediction session) or selling
 * a bet back (a cash-out) reads first: the user, the market and, when the
 * client sent one, its idempotency key or the bet, in one strongly consistent
 * TransactGetItems, so the operation costs two round trips in all.
 */
export async function readPurchase(
  ctx: CoreContext,
  input: { userId: string; marketId: string; ledgerKey: string | undefined; betId?: string },
): Promise<PurchaseRead> {
  const { ledgerKey, betId } = input;
  const read = await serviceFor(ctx.db)
    .transaction.get(({ user, market, idempotencyKey, bet }) => [
      user.get({ userId: input.userId }).commit(),
      market.get({ marketId: input.marketId }).commit(),
      ...(ledgerKey ? [idempotencyKey.get({ key: ledgerKey }).commit()] : []),
      ...(betId ? [bet.get({ betId }).commit()] : []),
    ])
    .go();
  const [user, market, ...rest] = read.data as (typeof read.data)[number][];
  const key = ledgerKey ? rest.shift() : undefined;
  const bet = betId ? rest.shift() : undefined;
  return {
    user: (user?.item as UserItem | null | undefined) ?? null,
    market: (market?.item as MarketItem | null | undefined) ?? null,
    replayOf: (key?.item as IdempotencyKeyItem | null | undefined) ?? null,
    bet: (bet?.item as BetItem | null | undefined) ?? null,
  };
}
