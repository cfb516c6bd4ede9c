import type { CoreContext } from "../context";
import { UserNotFound } from "../errors";
import { fromCents, toCents } from "../money";
import { serviceFor } from "../service";

export interface Reconciliation {
  userId: string;
  balance: number;
  sumOfEntries: number;
  entries: number;
  /** Sequence numbers whose `balanceAfter` does not follow from the entry before. */
  chainBreaks: number[];
  /** Sequence numbers missing from 1..ledgerSeq. */
  gaps: number[];
  consistent: boolean;
}

/**
 * Checks the ledger's rule for one user (docs/product-rules.md#credit-economics):
 * the balance equals the sum of the entries, and every entry's `balanceAfter` is
 * the previous one plus its amount.
 */
export async function reconcile(ctx: CoreContext, userId: string): Promise<Reconciliation> {
  const service = serviceFor(ctx.db);
  const { data: user } = await service.entities.user.get({ userId }).go({ consistent: true });
  if (!user) throw new UserNotFound(userId);
  const { data: entries } = await service.entities.ledgerEntry.query
    .byUser({ userId })
    .go({ pages: "all", consistent: true });

  let sumCents = 0;
  const chainBreaks: number[] = [];
  const gaps: number[] = [];
  let expectedSeq = 1;
  for (const entry of entries) {
    while (expectedSeq < entry.seq) gaps.push(expectedSeq++);
    expectedSeq = entry.seq + 1;
    sumCents += toCents(entry.amount);
    if (toCents(entry.balanceAfter) !== sumCents) chainBreaks.push(entry.seq);
  }
  while (expectedSeq <= user.ledgerSeq) gaps.push(expectedSeq++);

  const sumOfEntries = fromCents(sumCents);
  return {
    userId,
    balance: user.balance,
    sumOfEntries,
    entries: entries.length,
    chainBreaks,
    gaps,
    consistent: toCents(user.balance) === sumCents && chainBreaks.length === 0 && gaps.length === 0,
  };
}
