import {
  type CancellationReason,
  cancellationReasons,
  conditionFailed,
  TransactionCancelled,
} from "../conditions";
import type { CoreContext } from "../context";
import { dayOf } from "../counters";
import type { LedgerEntryItem, LedgerEntryType } from "../entities/ledger-entry";
import type { UserItem } from "../entities/user";
import { BalanceCapExceeded, InsufficientBalance, LedgerBusy, UserNotFound } from "../errors";
import { fromCents, toCents } from "../money";
import { serviceFor, type TransactionEntities, type TransactionItem } from "../service";
import { betCounterDeltas, listCounterDeltas } from "./counters";
import { creditFlow } from "./flow";
import { notifyPosting } from "./observers";
import { type LedgerPosting, reasonWithForfeit, signedCents, type UserTotals } from "./post";
import { backoffMs, isTransientCode, isTransientError, sleep } from "./retry";

/**
 * One movement of a batch, for one thing done once (a bet settled): a ledger
 * entry for its user, or only the user's totals (a lost bet books its PnL), and
 * the `guard` write that marks it done.
 */
export interface BatchMovement {
  /** Names the movement in the result (the bet id). */
  id: string;
  userId: string;
  /** The credit movement, as `postLedgerEntry` takes it; absent when only totals move. */
  entry?: BatchEntry | undefined;
  /** Added to the user's running totals; a function receives the amount actually credited. */
  userTotals?: UserTotals | ((credited: number) => UserTotals) | undefined;
  /**
   * The write that happens once: it must fail its condition once the movement
   * is done (a bet leaving `pending`), which is what makes a replayed batch a
   * no-op. Receives the entry written with it, if any.
   */
  guard: (entities: TransactionEntities, entry: LedgerEntryItem | undefined) => TransactionItem;
}

export interface BatchEntry {
  /** Signed credits, at most two decimals. */
  amount: number;
  type: LedgerEntryType;
  reason: string;
  referenceId: string;
  marketId?: string | undefined;
  /** Recorded on the entry; the guard, not a key item, keeps the movement to once. */
  idempotencyKey: string;
  /** Credit only what fits under the balance cap and record the rest as `forfeited`. */
  upToCap?: boolean | undefined;
}

export type BatchOutcome =
  /** Written now; `posting` is the entry when the movement had one. */
  | { kind: "posted"; posting?: LedgerPosting | undefined }
  /** Its guard had already been written: done before, nothing written now. */
  | { kind: "already done" }
  /** It does not fit the balance (or the user is gone): nothing written; the error says why. */
  | { kind: "refused"; error: Error };

export interface BatchOptions {
  /** Transactions in flight at once (never two for one user). */
  concurrency?: number | undefined;
  /** Users as just read by the caller; updated as movements commit. */
  knownUsers?: Map<string, UserItem> | undefined;
  /** Items per transaction (DynamoDB's limit: 100). */
  maxItems?: number | undefined;
}

/** Rounds in which some user's balance moved under us before the batch gives up. */
const maxRounds = 300;

/** A user's part of one transaction: one user update, then per movement its entry and guard. */
interface UserChunk {
  userId: string;
  /** The user the entries chain from; absent when the chunk only moves totals. */
  user: UserItem | undefined;
  movements: BatchMovement[];
  entries: (LedgerEntryItem | undefined)[];
  size: number;
}

type TransactionOutcome =
  | { kind: "committed" }
  | { kind: "cancelled"; reasons: CancellationReason[] };

/**
 * Posts many users' movements in few transactions: each transaction carries up
 * to `maxItems` items across users, and touches each user once (DynamoDB allows
 * one operation per item per transaction): its update moves the balance over all
 * of the user's entries in it, numbered `ledgerSeq + 1..k` with their running
 * `balanceAfter`, conditioned on the `ledgerSeq` read. A cancelled transaction is
 * read item by item: a movement whose guard failed is done already and dropped,
 * a user whose balance moved is read again, conflicts back off; the rest goes
 * again. Entries, totals and counters are those `postLedgerEntry` writes for the
 * same movement, so reconcile sees no difference between the two paths.
 */
export async function postLedgerBatch(
  ctx: CoreContext,
  movements: readonly BatchMovement[],
  options: BatchOptions = {},
): Promise<Map<string, BatchOutcome>> {
  const maxItems = options.maxItems ?? 100;
  const known = options.knownUsers ?? new Map<string, UserItem>();
  const outcomes = new Map<string, BatchOutcome>();
  const remaining = new Map<string, BatchMovement[]>();
  for (const movement of movements) {
    const list = remaining.get(movement.userId) ?? [];
    list.push(movement);
    remaining.set(movement.userId, list);
  }

  for (let round = 1; remaining.size > 0; round += 1) {
    if (round > maxRounds) throw new LedgerBusy("balances kept changing during a batch");
    await readUsers(ctx, remaining, known, outcomes);
    const chunks: UserChunk[] = [];
    for (const [userId, list] of remaining) {
      const chunk = planChunk(ctx, userId, list, known.get(userId), maxItems, outcomes);
      if (chunk.movements.length > 0) chunks.push(chunk);
      if (list.length === 0) remaining.delete(userId);
    }

    let again = false;
    const transactions = pack(chunks, maxItems);
    await inParallel(transactions, options.concurrency ?? 8, async (transaction) => {
      const result = await write(ctx, transaction);
      if (result.kind === "committed") {
        for (const chunk of transaction) committed(chunk, known, outcomes, remaining);
        return;
      }
      again = true;
      readCancellation(transaction, result.reasons, known, outcomes, remaining);
    });
    // Some users' balances moved, or transactions met: thin the crowd before the next round.
    if (again) await sleep(backoffMs(Math.min(round, 6), 4, 150));
  }
  return outcomes;
}

/** Reads (consistently, one BatchGetItem per 100) the users whose entries chain from a balance not known yet. */
async function readUsers(
  ctx: CoreContext,
  remaining: Map<string, BatchMovement[]>,
  known: Map<string, UserItem>,
  outcomes: Map<string, BatchOutcome>,
): Promise<void> {
  const missing = [...remaining]
    .filter(([userId, list]) => !known.has(userId) && list.some((movement) => movement.entry))
    .map(([userId]) => userId);
  if (missing.length === 0) return;
  const { data, unprocessed } = await serviceFor(ctx.db)
    .entities.user.get(missing.map((userId) => ({ userId })))
    .go({ consistent: true });
  for (const user of data) known.set(user.userId, user);
  const unread = new Set(unprocessed.map((key) => key.userId));
  for (const userId of missing) {
    if (known.has(userId) || unread.has(userId)) continue; // unprocessed: read again next round
    for (const movement of remaining.get(userId) ?? []) {
      outcomes.set(movement.id, { kind: "refused", error: new UserNotFound(userId) });
    }
    remaining.delete(userId);
  }
}

/**
 * The user's next movements that fit in one transaction, with their entries
 * chained from the user as known. A movement the balance cannot take is refused
 * and left out (the list loses it).
 */
function planChunk(
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
function pack(chunks: UserChunk[], maxItems: number): UserChunk[][] {
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

async function write(ctx: CoreContext, transaction: UserChunk[]): Promise<TransactionOutcome> {
  try {
    const result = await serviceFor(ctx.db)
      .transaction.write((entities) =>
        transaction.flatMap((chunk) => chunkItems(ctx, entities, chunk)),
      )
      .go();
    if (!result.canceled) return { kind: "committed" };
    return { kind: "cancelled", reasons: cancellationReasons(result) };
  } catch (error) {
    // A conflict or throttling of the whole request: every item goes again.
    if (isTransientError(error)) return { kind: "cancelled", reasons: [] };
    throw error;
  }
}

/** The chunk's items: its user's one update, then each movement's entry (if any) and guard. */
function chunkItems(ctx: CoreContext, entities: TransactionEntities, chunk: UserChunk) {
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

function committed(
  chunk: UserChunk,
  known: Map<string, UserItem>,
  outcomes: Map<string, BatchOutcome>,
  remaining: Map<string, BatchMovement[]>,
): void {
  chunk.movements.forEach((movement, index) => {
    const entry = chunk.entries[index];
    const posting = entry
      ? { ...entry, referenceId: entry.referenceId, replayed: false }
      : undefined;
    if (posting) notifyPosting(posting);
    outcomes.set(movement.id, { kind: "posted", posting });
  });
  dropFromRemaining(remaining, chunk.userId, chunk.movements);
  const last = chunk.entries.findLast((entry) => entry !== undefined);
  if (last && chunk.user) {
    known.set(chunk.userId, {
      ...chunk.user,
      balance: last.balanceAfter,
      ledgerSeq: last.seq,
      lastActiveDay: dayOf(last.createdAt),
    });
  }
}

/**
 * What a cancelled transaction's reasons say, chunk by chunk: a failed guard
 * means done already (dropped); a failed user update or a taken entry means the
 * user's balance moved (read again, from the reason's item when it came with
 * one). Conflicts and throttling change nothing: the items go again.
 */
function readCancellation(
  transaction: UserChunk[],
  reasons: CancellationReason[],
  known: Map<string, UserItem>,
  outcomes: Map<string, BatchOutcome>,
  remaining: Map<string, BatchMovement[]>,
): void {
  const unexpected = reasons.filter(
    (reason) =>
      reason.code !== "None" && reason.code !== conditionFailed && !isTransientCode(reason.code),
  );
  if (unexpected.length > 0) throw new TransactionCancelled("Ledger batch", reasons);
  const failed = (position: number) => reasons[position]?.code === conditionFailed;
  let position = 0;
  for (const chunk of transaction) {
    if (failed(position)) {
      const item = reasons[position]?.item as UserItem | null | undefined;
      if (item?.userId) known.set(chunk.userId, item);
      else known.delete(chunk.userId);
    }
    position += 1;
    const done: BatchMovement[] = [];
    chunk.movements.forEach((movement, index) => {
      if (chunk.entries[index]) {
        if (failed(position)) known.delete(chunk.userId); // another writer took the number
        position += 1;
      }
      if (failed(position)) {
        outcomes.set(movement.id, { kind: "already done" });
        done.push(movement);
      }
      position += 1;
    });
    dropFromRemaining(remaining, chunk.userId, done);
  }
}

function dropFromRemaining(
  remaining: Map<string, BatchMovement[]>,
  userId: string,
  movements: readonly BatchMovement[],
): void {
  const list = remaining.get(userId);
  if (!list) return;
  const left = list.filter((movement) => !movements.includes(movement));
  if (left.length > 0) remaining.set(userId, left);
  else remaining.delete(userId);
}

async function inParallel<T>(
  items: readonly T[],
  concurrency: number,
  run: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
