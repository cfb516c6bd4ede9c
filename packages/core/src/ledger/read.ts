import type { CoreContext } from "../context";
import {
  type LedgerEntryItem,
  type LedgerEntryType,
  ledgerEntryTypes,
} from "../entities/ledger-entry";
import { entryCounterOf } from "../entities/user";
import { UserNotFound } from "../errors";
import { pageSizes } from "../limits";
import { listPage, type PageRequest, scopeOf, sourceOf } from "../paging";
import { serviceFor } from "../service";

/** The user's balance as the ledger holds it. */
export async function getBalance(
  ctx: CoreContext,
  userId: string,
): Promise<{ balance: number; entries: number }> {
  const { data } = await serviceFor(ctx.db)
    .entities.user.get({ userId })
    .go({ consistent: true, attributes: ["balance", "ledgerSeq"] });
  if (!data) throw new UserNotFound(userId);
  return { balance: data.balance, entries: data.ledgerSeq };
}

/** The types `/transactions/me?type=` accepts: every ledger entry type (`purchase`: credits bought). */
export const transactionTypes = ledgerEntryTypes;
export type TransactionType = (typeof transactionTypes)[number];

export interface HistoryOptions extends PageRequest {
  type?: TransactionType | undefined;
}

export interface HistoryPage {
  entries: LedgerEntryItem[];
  /** The user's entries of the type asked for (all without one), from counters. */
  total: number;
  limit: number;
  offset: number;
  /** Pass back as `cursor` for the next page; null on the last one. */
  cursor: string | null;
}

/**
 * The user's ledger entries, newest first, one page at a time, optionally of
 * one type: one Query with a `Limit` of the page. `total` is `ledgerSeq` (the
 * entries are numbered without gaps) or the user's counter of that type, kept
 * by the ledger's own transaction; the user is read beside the page.
 */
export async function history(
  ctx: CoreContext,
  userId: string,
  options: HistoryOptions = {},
): Promise<HistoryPage> {
  const { type } = options;
  const scope = scopeOf("ledger", userId, { type });
  const page = await listPage(ctx, options, {
    scope,
    size: pageSizes.transactions,
    query: ledgerQuery(ctx, userId, type),
    total: () => countEntries(ctx, userId, type),
  });
  return {
    entries: page.items,
    total: page.total ?? 0,
    limit: page.limit,
    offset: page.offset,
    cursor: page.nextCursor,
  };
}

function ledgerQuery(ctx: CoreContext, userId: string, type: LedgerEntryType | undefined) {
  const entries = serviceFor(ctx.db).entities.ledgerEntry;
  return sourceOf(
    type ? entries.query.byUserAndType({ userId, type }) : entries.query.byUser({ userId }),
    entries,
    "desc",
  );
}

async function countEntries(
  ctx: CoreContext,
  userId: string,
  type: LedgerEntryType | undefined,
): Promise<number> {
  const counter = type ? entryCounterOf(type) : "ledgerSeq";
  const { data } = await serviceFor(ctx.db)
    .entities.user.get({ userId })
    .go({ attributes: [counter] });
  return Math.max(0, data?.[counter] ?? 0);
}
