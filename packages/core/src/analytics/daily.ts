import type { CreditCounter } from "../entities/daily-counter";
import type { LedgerEntryType } from "../entities/ledger-entry";
import { toCents } from "../money";

/** What a change adds to its day's counters (money in cents; src/derived). */
export type DailyCounts = Partial<
  Record<CreditCounter | "activeUsers" | "bets" | "sessions" | "sessionsFailed", number>
>;

/**
 * What a credit movement adds to its day: the credits in (`issued_<type>`) or
 * out (`spent_<type>`, positive) in cents, and a bet when it places one.
 */
export function movementCounts(movement: { type: LedgerEntryType; amount: number }): DailyCounts {
  const cents = toCents(movement.amount);
  return {
    ...(cents > 0 ? { [`issued_${movement.type}`]: cents } : {}),
    ...(cents < 0 ? { [`spent_${movement.type}`]: -cents } : {}),
    ...(movement.type === "bet_placed" ? { bets: 1 } : {}),
  };
}
