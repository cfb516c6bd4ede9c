import { createHash } from "node:crypto";
import type { CoreContext } from "../context";
import type { TransactionEntities, TransactionItem } from "../service";
import { slotsAt } from "./periods";

/** The dirty markers are spread over this many partitions. */
export const dirtyShards = 16;

export function dirtyShardOf(userId: string): number {
  return createHash("sha256").update(userId).digest().readUInt16BE(0) % dirtyShards;
}

export interface StatChange {
  userId: string;
  /** When the bet was placed (volume) or settled (PnL). */
  at: Date;
  /** A placed bet's amount. */
  volume?: number | undefined;
  /** A settled bet's realised profit or loss (0 for a refund). */
  pnl?: number | undefined;
}

/**
 * The items a bet placement or settlement adds to its own transaction so the
 * leaderboards follow: ADD to the user's stats of every period holding `at`,
 * and mark the user for the ranking job. Five items, no read.
 */
export function statWrites(
  entities: TransactionEntities,
  ctx: CoreContext,
  change: StatChange,
): TransactionItem[] {
  const settled = change.pnl !== undefined;
  const added = {
    ...(settled ? { settled: 1 } : { placed: 1 }),
    ...(change.volume ? { volume: change.volume } : {}),
    ...(change.pnl ? { pnl: change.pnl } : {}),
  };
  return [
    ...slotsAt(change.at).map(({ periodKey, ttl }) => {
      const update = entities.userStat.update({ userId: change.userId, periodKey }).add(added);
      return (ttl ? update.set({ ttl }) : update).commit();
    }),
    entities.rankDirty
      .put({
        shard: dirtyShardOf(change.userId),
        userId: change.userId,
        markedAt: `${ctx.clock().toISOString()}#${ctx.newId()}`,
      })
      .commit(),
  ];
}
