import type { CoreContext } from "../context";
import { dayOf } from "../counters";
import type { LedgerEntryItem } from "../entities/ledger-entry";
import type { UserItem } from "../entities/user";
import { BalanceCapExceeded, InsufficientBalance } from "../errors";
import { fromCents, toCents } from "../money";
import type { TransactionEntities, TransactionItem } from "../service";
import { betCounterDeltas, listCounterDeltas } from "./counters";
import { creditFlow } from "./flow";
import { reasonWithForfeit, signedCents } from "./post";
import type { BatchMovement, BatchOutcome } from "./post-batch";

/**
 * What one transaction of a ledger batch writes for one user (post-batch.ts):
 * which movements fit, their entries chained from the user's balance, and the
 * one user update that moves the balance and totals over all of them.
 */

/** A user's part of one transaction: one user update, then per movement its entry and guard. */
export interface UserChunk {
  userId: string;
  /** The user the entries chain from; absent when the chunk only moves totals. */
  user: UserItem | undefined;
  movements: BatchMovement[];
  entries: (LedgerEntryItem | undefined)[];
  size: number;
}

/**
 * The user's next movements that fit in one transaction, with their entries
 * chained from the user as known. A movement the balance cannot take is refused
 * and left out (the list loses it).
 */
export function planChunk(
  ctx: CoreContext,
  userId: string,
  list: BatchMovement[],
  user: UserItem | undefined,
  maxItems: number,
  outcomes: Map<string, BatchOutcome>,
): UserChunk {
  const chunk: UserChunk = { userId, user: undefined, movements: [], entries: [], size: 1 };
  const capCents = toCents(ctx.config.BALANCE_CAP);
  const now = ctx.clock().toISOString();
  let balanceCents = user ? toCents(user.balance) : 0;
  let seq = user?.ledgerSeq ?? 0;
  for (let index = 0; index < list.length && chunk.size < maxItems; ) {
    const movement = list[index] as BatchMovement;
    const size = movement.entry ? 2 : 1;
    if (chunk.size + size > maxItems) break;
    const input = movement.entry;
    if (!input) {
      chunk.movements.push(movement);
      chunk.entries.push(undefined);
      chunk.size += size;
      index += 1;
      continue;
    }
    if (!user) break; // not read yet (unprocessed): next round
    const cents = signedCents(input.amount, ctx.config.BALANCE_CAP);
    const creditCents =
      input.upToCap && cents > 0 ? Math.min(cents, capCents - balanceCents) : cents;
    const afterCents = balanceCents + creditCents;
    if (afterCents < 0 || afterCents > capCents) {
      const error =
        afterCents < 0
          ? new InsufficientBalance({
              balance: fromCents(balanceCents),
              required: -input.amount,
              for: input.type,
              reason: input.reason,
            })
          : new BalanceCapExceeded({
              balance: fromCents(balanceCents),
              amount: input.amount,
              cap: ctx.config.BALANCE_CAP,
            });
      outcomes.set(movement.id, { kind: "refused", error });
      list.splice(index, 1);
      continue;
    }
    seq += 1;
    balanceCents = afterCents;
    const forfeitedCents = cents - creditCents;
    chunk.user = user;
    chunk.movements.push(movement);
    chunk.entries.push({
      userId,
      seq,
      entryId: ctx.newId(),
      amount: fromCents(creditCents),
      type: input.type,
      reason: reasonWithForfeit(input.reason, forfeitedCents),
      referenceId: input.referenceId,
      ...(input.marketId ? { marketId: input.marketId } : {}),
      idempotencyKey: input.idempotencyKey,
      balanceAfter: fromCents(afterCents),
      ...(forfeitedCents > 0 ? { forfeited: fromCents(forfeitedCents) } : {}),
      createdAt: now,
    } satisfies LedgerEntryItem);
    chunk.size += size;
    index += 1;
  }
  return chunk;
}

/** Chunks into transactions of at most `maxItems` items, first fit, in order. */
export function pack(chunks: UserChunk[], maxItems: number): UserChunk[][] {
  const transactions: { chunks: UserChunk[]; size: number }[] = [];
  for (const chunk of chunks) {
    const fit = transactions.find((transaction) => transaction.size + chunk.size <= maxItems);
    if (fit) {
      fit.chunks.push(chunk);
      fit.size += chunk.size;
    } else transactions.push({ chunks: [chunk], size: chunk.size });
  }
  return transactions.map((transaction) => transaction.chunks);
}

/** The chunk's items: its user's one update, then each movement's entry (if any) and guard. */
export function chunkItems(ctx: CoreContext, entities: TransactionEntities, chunk: UserChunk) {
  const items: TransactionItem[] = [userUpdate(ctx, entities, chunk)];
  chunk.movements.forEach((movement, index) => {
    const entry = chunk.entries[index];
    if (entry) items.push(entities.ledgerEntry.create(entry).commit());
    items.push(movement.guard(entities, entry));
  });
  return items;
}

function userUpdate(ctx: CoreContext, entities: TransactionEntities, chunk: UserChunk) {
  // Credits summed in cents, counters as counts: each converted once, below.
  const adds: Record<string, number> = {};
  const counts: Record<string, number> = {};
  const add = (name: string, credits: number) => {
    adds[name] = (adds[name] ?? 0) + toCents(credits);
  };
  let creditCents = 0;
  chunk.movements.forEach((movement, index) => {
    const entry = chunk.entries[index];
    const totals =
      typeof movement.userTotals === "function"
        ? movement.userTotals(entry?.amount ?? 0)
        : (movement.userTotals ?? {});
    if (totals.volume) add("volume", totals.volume);
    if (totals.pnl) add("pnl", totals.pnl);
    const counters = entry
      ? listCounterDeltas(entry.type, totals.bets)
      : betCounterDeltas(totals.bets);
    for (const [name, delta] of Object.entries(counters))
      counts[name] = (counts[name] ?? 0) + (delta ?? 0);
    if (!entry) return;
    creditCents += toCents(entry.amount);
    const flow = creditFlow(entry.type, entry.amount);
    if (flow.earned) add("creditsEarned", flow.earned);
    if (flow.spent) add("creditsSpent", flow.spent);
  });
  const totals = Object.fromEntries(
    [
      ...Object.entries(adds).map(([name, cents]) => [name, fromCents(cents)] as const),
      ...Object.entries(counts),
    ].filter(([, value]) => value !== 0),
  );
  const last = chunk.entries.findLast((entry) => entry !== undefined);
  const user = chunk.user;
  const updatedAt = ctx.clock().toISOString();
  if (!last || !user) {
    // Totals only (lost bets): ADDs commute, so no read and no condition are needed.
    return entities.user.patch({ userId: chunk.userId }).add(totals).set({ updatedAt }).commit();
  }
  const capCents = toCents(ctx.config.BALANCE_CAP);
  const today = dayOf(last.createdAt);
  return (
    entities.user
      .patch({ userId: chunk.userId })
      .set({
        // The user's day of activity: the stream consumer counts its change in the DAU.
        ...(user.lastActiveDay !== today ? { lastActiveDay: today } : {}),
        balance: last.balanceAfter,
        ledgerSeq: last.seq,
        updatedAt: last.createdAt,
      })
      .add(totals)
      // The entries chain from this sequence number; the balance rule holds against the value held now.
      .where(({ ledgerSeq, balance }, { eq, gte, lte }) =>
        [
          eq(ledgerSeq, user.ledgerSeq),
          creditCents < 0
            ? gte(balance, fromCents(-creditCents))
            : lte(balance, fromCents(capCents - creditCents)),
        ].join(" AND "),
      )
      .commit({ response: "all_old" })
  );
}
