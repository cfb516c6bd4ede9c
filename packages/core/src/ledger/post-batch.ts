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
import { LedgerBusy, UserNotFound } from "../errors";
import { serviceFor, type TransactionEntities, type TransactionItem } from "../service";
import { notifyPosting } from "./observers";
import type { LedgerPosting, UserTotals } from "./post";
import { chunkItems, pack, planChunk, type UserChunk } from "./post-batch-plan";
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
  /** Items per transaction (DynamoDB's limit: 100). */
  maxItems?: number | undefined;
}

/** Rounds in which some user's balance moved under us before the batch gives up. */
const maxRounds = 300;

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
  /** Users as read or last written by this batch: a stale one costs a retry, never a wrong balance. */
  const known = new Map<string, UserItem>();
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
    // A totals-only update is conditioned on the user existing and nothing else.
    const userGone = failed(position) && !chunk.user;
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
    if (userGone) {
      for (const movement of chunk.movements) {
        if (done.includes(movement)) continue;
        outcomes.set(movement.id, { kind: "refused", error: new UserNotFound(chunk.userId) });
        done.push(movement);
      }
    }
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
