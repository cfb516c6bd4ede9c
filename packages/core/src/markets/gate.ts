import { createHash } from "node:crypto";
import type { CoreContext } from "../context";
import type { MarketItem } from "../entities/market";
import type { TransactionEntities, TransactionItem } from "../service";

/** Open and bettable: the state in which a market's gates are absent. */
export function takesBets(market: Pick<MarketItem, "status" | "bettable"> | null): boolean {
  return market?.status === "open" && market.bettable === true;
}

/** The gate a user's bets on any market check. */
export function gateShardOf(ctx: Pick<CoreContext, "config">, userId: string): number {
  return (
    createHash("sha256").update(userId).digest().readUInt32BE(0) % ctx.config.MARKET_GATE_SHARDS
  );
}

function everyShard(ctx: Pick<CoreContext, "config">): number[] {
  return Array.from({ length: ctx.config.MARKET_GATE_SHARDS }, (_, shard) => shard);
}

/**
 * The gate writes a market write carries in its transaction: all gates put
 * when the market stops taking bets, all deleted when it starts again,
 * nothing otherwise.
 */
export function gateWrites(
  entities: TransactionEntities,
  ctx: Pick<CoreContext, "config" | "clock">,
  before: Pick<MarketItem, "marketId" | "status" | "bettable"> | null,
  after: Pick<MarketItem, "marketId" | "status" | "bettable">,
): TransactionItem[] {
  const was = takesBets(before);
  const is = takesBets(after);
  if (was === is || (!before && !is)) return [];
  const closedAt = ctx.clock().toISOString();
  return everyShard(ctx).map((shard) =>
    is
      ? entities.marketGate.delete({ marketId: after.marketId, shard }).commit()
      : entities.marketGate.put({ marketId: after.marketId, shard, closedAt }).commit(),
  );
}

/** A bet's guard: its user's gate of the market is absent (the market still takes bets). */
export function gateOpenCheck(
  entities: TransactionEntities,
  ctx: Pick<CoreContext, "config">,
  marketId: string,
  userId: string,
): TransactionItem {
  return entities.marketGate
    .check({ marketId, shard: gateShardOf(ctx, userId) })
    .where((gate, { notExists }) => notExists(gate.closedAt))
    .commit();
}
