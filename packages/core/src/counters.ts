import type { CoreContext } from "./context";

/**
 * Sharded counters and the UTC days they count by. A counter that every
 * transaction of a kind ADDs to would make concurrent transactions conflict on
 * one item; spread over `COUNTER_SHARDS` items picked at random, they rarely
 * meet, and a read sums the shards (one Query).
 */

/** A shard picked at random: one per attempt, so a retried conflict lands elsewhere. */
export function counterShard(ctx: Pick<CoreContext, "config">): number {
  return Math.floor(Math.random() * ctx.config.COUNTER_SHARDS);
}

/** The UTC day (`YYYY-MM-DD`) of an instant. */
export function dayOf(at: Date | string): string {
  return (typeof at === "string" ? at : at.toISOString()).slice(0, 10);
}

/** The day after `day`: an exclusive upper bound for keys that start with a day. */
export function dayAfter(day: string): string {
  return dayOf(new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000));
}

/** The last `days` UTC days up to today, oldest first. */
export function lastDays(ctx: Pick<CoreContext, "clock">, days: number): string[] {
  const today = Date.parse(`${dayOf(ctx.clock())}T00:00:00.000Z`);
  return Array.from({ length: days }, (_, index) =>
    dayOf(new Date(today - (days - 1 - index) * 86_400_000)),
  );
}
