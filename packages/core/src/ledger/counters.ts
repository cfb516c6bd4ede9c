import type { BetStatus } from "../entities/bet";
import type { LedgerEntryType } from "../entities/ledger-entry";
import { type BetCounter, betCounterOf, type EntryCounter, entryCounterOf } from "../entities/user";

/** Bets moved between statuses by one ledger movement: `{ pending: -1, won: 1 }`. */
export type BetMoves = Partial<Record<BetStatus, number>>;

/**
 * What one ledger entry ADDs to the user's list counters: one more entry of its
 * type, and the bets it moves (placed: pending +1; settled: pending −1, outcome +1).
 * In the ledger's own user update, so a count never drifts from the items.
 */
export function listCounterDeltas(
  type: LedgerEntryType,
  bets: BetMoves = {},
): Partial<Record<EntryCounter | BetCounter, number>> {
  return { [entryCounterOf(type)]: 1, ...betCounterDeltas(bets) };
}

/** What moving bets between statuses ADDs to the user's bet counters (a lost bet: no entry). */
export function betCounterDeltas(bets: BetMoves = {}): Partial<Record<BetCounter, number>> {
  const deltas: Partial<Record<BetCounter, number>> = {};
  for (const [status, delta] of Object.entries(bets) as [BetStatus, number][]) {
    if (delta) deltas[betCounterOf(status)] = delta;
  }
  return deltas;
}
