import type { CoreContext } from "../context";
import { dayOf } from "../counters";
import type { LedgerEntryItem } from "../entities/ledger-entry";
import type { UserItem } from "../entities/user";
import { fromCents, toCents } from "../money";
import { serviceFor, type TransactionEntities } from "../service";
import { listCounterDeltas } from "./counters";
import { creditFlow } from "./flow";
import type { UserFields, UserTotals } from "./post";

/** The user as the ledger reads it before a movement: consistently. */
export async function readLedgerUser(ctx: CoreContext, userId: string): Promise<UserItem | null> {
  const { data } = await serviceFor(ctx.db).entities.user.get({ userId }).go({ consistent: true });
  return data;
}

/** Whether this entry is the user's first activity of its UTC day (analytics' DAU). */
export function firstActivityOfDay(user: UserItem, entry: LedgerEntryItem): boolean {
  return user.lastActiveDay !== dayOf(entry.createdAt);
}

/**
 * The user's side of a ledger transaction: the balance and sequence moved to
 * the entry's, the lifetime and list counters added, more fields set, all
 * conditioned on the sequence number read (no concurrent writer slipped in)
 * and on the balance staying within [0, cap] against the value the database
 * holds now.
 */
export function balanceWrite(
  entities: TransactionEntities,
  user: UserItem,
  entry: LedgerEntryItem,
  options: { capCents: number; fields?: UserFields | undefined; totals?: UserTotals | undefined },
) {
  const totals = options.totals ?? {};
  const flow = creditFlow(entry.type, entry.amount);
  const today = dayOf(entry.createdAt);
  const firstToday = firstActivityOfDay(user, entry);
  const seq = user.ledgerSeq;
  return (
    entities.user
      .patch({ userId: entry.userId })
      .set({
        ...options.fields,
        ...(firstToday ? { lastActiveDay: today } : {}),
        balance: entry.balanceAfter,
        ledgerSeq: entry.seq,
        updatedAt: entry.createdAt,
      })
      .add({
        ...(totals.volume ? { volume: totals.volume } : {}),
        ...(totals.pnl ? { pnl: totals.pnl } : {}),
        ...(flow.earned ? { creditsEarned: flow.earned } : {}),
        ...(flow.spent ? { creditsSpent: flow.spent } : {}),
        ...listCounterDeltas(entry.type, totals.bets),
      })
      // The balance rule is enforced here, by the database, against the value it holds now.
      .where(({ ledgerSeq, balance, lastActiveDay }, { eq, gte, lte, ne, notExists }) =>
        [
          eq(ledgerSeq, seq),
          entry.amount < 0
            ? gte(balance, -entry.amount)
            : lte(balance, fromCents(options.capCents - toCents(entry.amount))),
          // Counted active meanwhile (a request): this attempt is stale, the next counts nothing.
          ...(firstToday ? [`(${notExists(lastActiveDay)} OR ${ne(lastActiveDay, today)})`] : []),
        ].join(" AND "),
      )
      .commit({ response: "all_old" })
  );
}
