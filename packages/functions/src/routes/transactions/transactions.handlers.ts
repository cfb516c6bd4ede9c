import { Ledger } from "@market/core";
import type { LedgerEntryItem } from "@market/core/entities/ledger-entry";
import type { AppRouteHandler } from "../../http/routes";
import type * as routes from "./transactions.routes";

export const listMine: AppRouteHandler<typeof routes.listMine> = async (c) => {
  const { type, limit, cursor } = c.req.valid("query");
  const { userId } = c.var.caller;
  const [page, { entries }] = await Promise.all([
    Ledger.history(c.var.core, userId, { type, limit, cursor }),
    Ledger.getBalance(c.var.core, userId),
  ]);
  return c.json(
    {
      transactions: page.entries.map(toTransaction),
      total: entries,
      limit,
      nextCursor: page.cursor,
    },
    200,
  );
};

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
