import type { CoreContext } from "../context";
import type { LedgerEntryItem, LedgerEntryType } from "../entities/ledger-entry";
import { UserNotFound, ValidationFailed } from "../errors";
import { readPage, serviceFor } from "../service";

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

export interface HistoryOptions {
  /** 1 to 200; default 50. */
  limit?: number | undefined;
  /** The `cursor` of the previous page. */
  cursor?: string | null | undefined;
  type?: LedgerEntryType | undefined;
}

export interface HistoryPage {
  entries: LedgerEntryItem[];
  /** Pass back for the next page; null on the last one. */
  cursor: string | null;
}

export const maxHistoryLimit = 200;

/** The user's ledger entries, newest first, one page at a time, optionally of one type. */
export async function history(
  ctx: CoreContext,
  userId: string,
  options: HistoryOptions = {},
): Promise<HistoryPage> {
  const limit = options.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > maxHistoryLimit) {
    throw new ValidationFailed("Invalid limit", {
      limit: `must be an integer from 1 to ${maxHistoryLimit}`,
    });
  }
  const entries = serviceFor(ctx.db).entities.ledgerEntry;
  const query = options.type
    ? entries.query.byUserAndType({ userId, type: options.type })
    : entries.query.byUser({ userId });
  const page = await readPage(() =>
    query.go({ order: "desc", limit, cursor: options.cursor ?? null }),
  );
  return { entries: page.data, cursor: page.cursor };
}
