import type { LedgerEntryItem } from "../entities/ledger-entry";
import type { HistoryPage } from "./read";

/** A ledger entry as the API shows it (`/transactions/me`, admin ledger reads, admin credits). */
export function toTransactionView(entry: Omit<LedgerEntryItem, "idempotencyKey">) {
  return {
    id: entry.entryId,
    amount: entry.amount,
    transactionType: entry.type,
    referenceId: entry.referenceId ?? null,
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
