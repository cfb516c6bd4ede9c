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
  // The user's day of activity: the stream consumer counts its change in the DAU (analytics).
  const today = dayOf(entry.createdAt);
  const seq = user.ledgerSeq;
  return (
    entities.user
      .patch({ userId: entry.userId })
      .set({
        ...options.fields,
        ...(user.lastActiveDay !== today ? { lastActiveDay: today } : {}),
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
      .where(({ ledgerSeq, balance }, { eq, gte, lte }) =>
        [
          eq(ledgerSeq, seq),
          entry.amount < 0
            ? gte(balance, -entry.amount)
            : lte(balance, fromCents(options.capCents - toCents(entry.amount))),
        ].join(" AND "),
      )
      .commit({ response: "all_old" })
  );
}
