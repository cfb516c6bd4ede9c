import { Ledger } from "@market/core";
import type { LedgerEntryItem } from "@market/core/entities/ledger-entry";
import type { AppRouteHandler } from "../../http/routes";
import type * as routes from "./transactions.routes";

export const listMine: AppRouteHandler<typeof routes.listMine> = async (c) => {
  const page = await Ledger.history(c.var.core, c.var.caller.userId, c.req.valid("query"));
  return c.json(transactionsBody(page), 200);
};

/** A page of ledger entries as the API answers it. */
export function transactionsBody(page: Ledger.HistoryPage) {
  const { entries, cursor, ...rest } = page;
  return { transactions: entries.map(toTransaction), ...rest, nextCursor: cursor };
}

/** A ledger entry as the API shows it (seed 002 §5.7). */
export function toTransaction(entry: Omit<LedgerEntryItem, "idempotencyKey">) {
  return {
    id: entry.entryId,
    amount: entry.amount,
    transactionType: entry.type,
    referenceId: entry.referenceId ?? null,
    reason: entry.reason,
    forfeited: entry.forfeited ?? 0,
    balanceAfter: entry.balanceAfter,
    createdAt: entry.createdAt,
  };
}
