import type { CoreContext } from "../context";
import {
  type CreditCounter,
  legacyShard,
  monthPartitionedVersion,
} from "../entities/daily-counter";
import { scanTable } from "../scan";
import { serviceFor } from "../service";

export interface DailyCounterMove {
  /** Version-1 shards read (one partition per month). */
  shardsRead: number;
  /** Days whose sums were written to their `legacyShard` item (or would be, on a dry run). */
  daysWritten: number;
}

/** The counters a day counter holds, summed over version-1 shards. */
type Counts = Partial<
  Record<CreditCounter | "activeUsers" | "bets" | "sessions" | "sessionsFailed", number>
>;

/**
 * Moves the day counters of the month-partitioned layout (entity version 1,
 * `month` / `day#shard`) to the per-day shards of version 2: each day's
 * version-1 shards are summed and PUT as that day's `legacyShard` item, which
 * the app never ADDs to. A Put of the same sum is idempotent, so the move can
 * run again (after old instances wrote more) and while the app runs. The
 * version-1 items stay until their table is cleaned; nothing reads them.
 */
export async function moveMonthCounters(
  ctx: CoreContext,
  options: { dryRun?: boolean | undefined } = {},
): Promise<DailyCounterMove> {
  const byDay = new Map<string, Counts>();
  let shardsRead = 0;
  await scanTable(ctx, { segments: 4, entity: "dailyCounter" }, (items) => {
    for (const item of items) {
      if (item.__edb_v__ !== monthPartitionedVersion || typeof item.day !== "string") continue;
      shardsRead += 1;
      const counts = byDay.get(item.day) ?? {};
      for (const [name, value] of Object.entries(item)) {
        if (typeof value !== "number" || name === "shard" || name.startsWith("__")) continue;
        const key = name as keyof Counts;
        counts[key] = (counts[key] ?? 0) + value;
      }
      byDay.set(item.day, counts);
    }
  });
  if (!options.dryRun) {
    const counters = serviceFor(ctx.db).entities.dailyCounter;
    for (const [day, counts] of byDay) {
      await counters.put({ day, shard: legacyShard, ...counts }).go();
    }
  }
  return { shardsRead, daysWritten: byDay.size };
}
