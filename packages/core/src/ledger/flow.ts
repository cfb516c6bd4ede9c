import type { LedgerEntryType } from "../entities/ledger-entry";

/** Entry types that give back credits spent earlier. */
const refundTypes = new Set<LedgerEntryType>(["bet_refund", "prediction_refund"]);
/** Entry types that take back credits earned earlier (a refunded purchase). */
const reversalTypes = new Set<LedgerEntryType>(["purchase_refund"]);

/**
 * How one entry moves a user's lifetime totals (`creditsEarned`, `creditsSpent`):
 * a credit is earned, a debit is spent, and a refund takes back what it refunds
 * from spent rather than counting as earnings, and a reversal (a refunded
 * purchase) takes back from earned rather than counting as spending. So `balance = earned - spent`
 * always, and the reconcile job checks both totals against the entries.
 */
export function creditFlow(
  type: LedgerEntryType,
  amount: number,
): { earned: number; spent: number } {
  if (refundTypes.has(type)) return { earned: 0, spent: -amount };
  if (reversalTypes.has(type)) return { earned: amount, spent: 0 };
  if (amount > 0) return { earned: amount, spent: 0 };
  return { earned: 0, spent: -amount };
}
