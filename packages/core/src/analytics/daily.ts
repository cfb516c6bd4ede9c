import type { CoreContext } from "../context";
import { counterShard, dayOf } from "../counters";
import type { CreditCounter } from "../entities/daily-counter";
import type { LedgerEntryType } from "../entities/ledger-entry";
import { toCents } from "../money";
import type { TransactionEntities, TransactionItem } from "../service";

/** What one transaction adds to its day's counters (money in cents). */
export type DailyCounts = Partial<
  Record<CreditCounter | "activeUsers" | "bets" | "sessions" | "sessionsFailed", number>
>;

/**
 * The day-counter update a transaction carries: ADD `counts` to one shard,
 * picked at random, of the day `at` falls in. Nothing when there is nothing
 * to count. It has no condition, so it never fails the transaction; a conflict
 * with another transaction on the same shard is retried by the caller.
 */
export function dailyCounterWrite(
  entities: TransactionEntities,
  ctx: CoreContext,
  at: string,
  counts: DailyCounts,
): TransactionItem[] {
  const added = Object.fromEntries(Object.entries(counts).filter(([, value]) => value));
  if (Object.keys(added).length === 0) return [];
  const day = dayOf(at);
  return [
    entities.dailyCounter
      .update({ day, shard: counterShard(ctx) })
      .add(added)
      .commit(),
  ];
}

/**
 * What a credit movement adds to its day: the credits in (`issued_<type>`) or
 * out (`spent_<type>`, positive) in cents, a bet when it places one, and an
 * active user when it is the user's first activity of the day.
 */
export function movementCounts(
  movement: { type: LedgerEntryType; amount: number },
  firstActivityToday: boolean,
): DailyCounts {
  const cents = toCents(movement.amount);
  return {
    ...(cents > 0 ? { [`issued_${movement.type}`]: cents } : {}),
    ...(cents < 0 ? { [`spent_${movement.type}`]: -cents } : {}),
    ...(movement.type === "bet_placed" ? { bets: 1 } : {}),
    ...(firstActivityToday ? { activeUsers: 1 } : {}),
  };
}
