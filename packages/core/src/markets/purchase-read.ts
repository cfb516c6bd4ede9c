import { BatchGetCommand } from "@aws-sdk/lib-dynamodb";
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

type Key = { pk: string; sk: string };
const keyOf = (key: Key) => `${key.pk}\u0000${key.sk}`;
/** Unprocessed keys (throttling) are asked again this many times before giving up. */
const maxBatchAttempts = 5;

/**
 * What buying something on a market (a bet, a prediction session) reads first:
 * the buyer, the market and, when the client sent one, its idempotency key, in
 * one strongly consistent BatchGetItem, so the purchase costs two round trips
 * in all. Not a transactional read: the purchase's write transaction checks the
 * balance (by sequence number) and the market's status again, so a read that
 * is consistent per item is enough, costs half the read units, and does not
 * conflict with the transactions of concurrent bets on the same market.
 */
export async function readPurchase(
  ctx: CoreContext,
  input: { userId: string; marketId: string; ledgerKey: string | undefined },
): Promise<PurchaseRead> {
  const { entities } = serviceFor(ctx.db);
  const userGet = entities.user.get({ userId: input.userId });
  const marketGet = entities.market.get({ marketId: input.marketId });
  const keyGet = input.ledgerKey
    ? entities.idempotencyKey.get({ key: input.ledgerKey })
    : undefined;
  const keys: Key[] = [
    userGet.params().Key as Key,
    marketGet.params().Key as Key,
    ...(keyGet ? [keyGet.params().Key as Key] : []),
  ];

  const found = new Map<string, Record<string, unknown>>();
  let pending: Key[] = keys;
  for (let attempt = 1; pending.length > 0; attempt++) {
    if (attempt > maxBatchAttempts)
      throw new Error("DynamoDB kept keys of a purchase read unprocessed");
    const response = await ctx.db.client.send(
      new BatchGetCommand({
        RequestItems: { [ctx.db.table]: { Keys: pending, ConsistentRead: true } },
      }),
    );
    for (const item of response.Responses?.[ctx.db.table] ?? []) {
      found.set(keyOf(item as Key), item);
    }
    pending = (response.UnprocessedKeys?.[ctx.db.table]?.Keys ?? []) as Key[];
    if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt));
  }

  const [userKey, marketKey, idempotencyKey] = keys as [Key, Key, Key | undefined];
  const userItem = found.get(keyOf(userKey));
  const marketItem = found.get(keyOf(marketKey));
  const keyItem = idempotencyKey ? found.get(keyOf(idempotencyKey)) : undefined;
  return {
    user: userItem ? (entities.user.parse({ Item: userItem }).data as UserItem) : null,
    market: marketItem ? (entities.market.parse({ Item: marketItem }).data as MarketItem) : null,
    replayOf: keyItem
      ? (entities.idempotencyKey.parse({ Item: keyItem }).data as IdempotencyKeyItem)
      : null,
  };
}
