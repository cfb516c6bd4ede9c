import type { LedgerEntryItem, LedgerEntryType } from "../entities/ledger-entry";
import type { HistoryPage } from "./read";

export const referenceTypes = [
  "bet",
  "prediction_session",
  "daily_reward",
  "account",
  "admin",
  "purchase",
  "transfer",
] as const;
export type ReferenceType = (typeof referenceTypes)[number];

/** What kind of thing an entry's `referenceId` names, so a ledger row can link to it. */
const referenceTypeOf: Partial<Record<LedgerEntryType, ReferenceType>> = {
  bet_placed: "bet",
  bet_payout: "bet",
  bet_refund: "bet",
  bet_cashout: "bet",
  prediction_charge: "prediction_session",
  prediction_refund: "prediction_session",
  daily_reward: "daily_reward",
  signup_bonus: "account",
  migration_grant: "account",
  admin_grant: "admin",
  admin_adjustment: "admin",
  purchase: "purchase",
  purchase_refund: "purchase",
  transfer_out: "transfer",
  transfer_in: "transfer",
  referral_bonus: "account",
};

/** A ledger entry as the API shows it (`/transactions/me`, admin ledger reads, admin credits). */
export function toTransactionView(entry: Omit<LedgerEntryItem, "idempotencyKey">) {
  return {
    id: entry.entryId,
    amount: entry.amount,
    transactionType: entry.type,
    referenceId: entry.referenceId ?? null,
    /** What `referenceId` names (a bet id, a session id…); null for types that name nothing to open. */
    referenceType: entry.referenceId ? (referenceTypeOf[entry.type] ?? null) : null,
    /** The market a bet or prediction entry is about; null on entries written before it was kept. */
    marketId: entry.marketId ?? null,
    reason: entry.reason,
    /** What a payout at the balance cap could not credit (docs/product-rules.md). */
    forfeited: entry.forfeited ?? 0,
    balanceAfter: entry.balanceAfter,
    createdAt: entry.createdAt,
  };
}

export type TransactionView = ReturnType<typeof toTransactionView>;

/** A page of ledger entries as the API answers it. */
export function toTransactionsPage(page: HistoryPage) {
  const { entries, cursor, ...rest } = page;
  return { transactions: entries.map(toTransactionView), ...rest, nextCursor: cursor };
}
