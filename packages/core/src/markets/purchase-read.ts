import type { CoreContext } from "../context";
import type { IdempotencyKeyItem } from "../entities/idempotency-key";
import type { MarketItem } from "../entities/market";
import type { UserItem } from "../entities/user";
import { serviceFor } from "../service";

export interface PurchaseRead {
  user: UserItem | null;
  market: MarketItem | null;
  /** The idempotency key's record when the key was used before. */
  replayOf: IdempotencyKeyItem | null;
}

/**
 * What buying something on a market (a bet, a prediction session) reads first:
 * the buyer, the market and, when the client sent one, its idempotency key, in
 * one strongly consistent TransactGetItems, so the purchase costs two round
 * trips in all.
 */
export async function readPurchase(
  ctx: CoreContext,
  input: { userId: string; marketId: string; ledgerKey: string | undefined },
): Promise<PurchaseRead> {
  const { ledgerKey } = input;
  const read = await serviceFor(ctx.db)
    .transaction.get(({ user, market, idempotencyKey }) => [
      user.get({ userId: input.userId }).commit(),
      market.get({ marketId: input.marketId }).commit(),
      ...(ledgerKey ? [idempotencyKey.get({ key: ledgerKey }).commit()] : []),
    ])
    .go();
  const [user, market, key] = read.data as (typeof read.data)[number][];
  return {
    user: (user?.item as UserItem | null | undefined) ?? null,
    market: (market?.item as MarketItem | null | undefined) ?? null,
    replayOf: (key?.item as IdempotencyKeyItem | null | undefined) ?? null,
  };
}
