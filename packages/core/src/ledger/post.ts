import { cancellationReasons, conditionFailed, TransactionCancelled } from "../conditions";
import type { CoreContext } from "../context";
import type { LedgerEntryItem, LedgerEntryType } from "../entities/ledger-entry";
import type { UserItem } from "../entities/user";
import {
  BalanceCapExceeded,
  IdempotencyKeyReused,
  InsufficientBalance,
  InvalidAmount,
  LedgerBusy,
  UserNotFound,
} from "../errors";
import { amountInCents, fromCents, toCents } from "../money";
import { serviceFor, type TransactionEntities } from "../service";
import { balanceWrite, readLedgerUser } from "./balance-write";
import type { BetMoves } from "./counters";
import { ExtraWriteRejected, LedgerEntryMissing } from "./errors";
import { type ExtraWrites, namedItems, rejectedWrite } from "./extra-writes";
import { notifyPosting } from "./observers";
import { backoffMs, isTransientCode, isTransientError, sleep } from "./retry";

export interface PostEntryInput {
  userId: string;
  /** Signed credits: positive credits the user, negative debits. At most two decimals. */
  amount: number;
  type: LedgerEntryType;
  reason: string;
  referenceId?: string | undefined;
  /** The market the movement is about (bets, prediction sessions), so the entry can link to it. */
  marketId?: string | undefined;
  /**
   * Deterministic key of the operation; a replay returns the first result and
   * writes nothing. Costs an item in the transaction and a read on a replay.
   */
  idempotencyKey?: string | undefined;
  /**
   * Instead of a key, for a movement that pays for something created with it
   * under a fresh id (a bet): the extra write, by name, that creates it. Only an
   * earlier attempt of this same call can have created it, so when a retried
   * attempt finds it taken, `find` reads the first result.
   */
  replayGuard?: ReplayGuard | undefined;
  /**
   * Added to the user's running totals in the same update (bet volume, PnL). A
   * function receives the amount actually credited (see `upToCap`).
   */
  userTotals?: UserTotals | ((credited: number) => UserTotals) | undefined;
  /**
   * A credit that would lift the balance past the cap credits only what fits
   * (possibly 0) and records the rest as the entry's `forfeited`, instead of
   * failing with `BalanceCapExceeded` (payouts: docs/product-rules.md).
   */
  upToCap?: boolean | undefined;
  /**
   * Fields of the user's own item set in the same update (the daily reward's
   * `lastDailyRewardAt` and streak, a rate window): a transaction may touch the
   * user item once. A function receives the user as read for this attempt (a
   * retry after a stale read computes them again) and may throw to refuse.
   */
  userFields?: UserFields | ((user: UserItem) => UserFields) | undefined;
  /**
   * More writes for the same transaction, by name (the `bet` a debit pays for,
   * the status change a payout settles, an audit event). They receive the entry
   * being written. If one of them fails its condition the movement does not
   * happen and `ExtraWriteRejected` names which one.
   */
  alsoWrite?: ((entities: TransactionEntities, entry: LedgerEntryItem) => ExtraWrites) | undefined;
  /** The user as just read (consistently) by the caller, to save the ledger's own read. */
  knownUser?: UserItem | undefined;
}

export interface ReplayGuard {
  /** The name of the extra write that creates the paid-for item. */
  write: string;
  /** The first attempt's posting, read back; null if it never committed. */
  find: () => Promise<LedgerPosting | null>;
}

export interface UserTotals {
  volume?: number;
  pnl?: number;
  /** Bets this movement moves between statuses, for the user's bet counters. */
  bets?: BetMoves;
}

/** The user fields another module may set together with a credit movement. */
export type UserFields = Partial<
  Pick<
    UserItem,
    | "lastDailyRewardAt"
    | "currentStreak"
    | "longestStreak"
    | "rewardCount"
    | "rateWindows"
    | "referralCreditsEarned"
    | "referralSettledAt"
  >
>;

/** The outcome of a credit movement, first time or replayed. */
export interface LedgerPosting {
  entryId: string;
  userId: string;
  seq: number;
  amount: number;
  type: LedgerEntryType;
  reason: string;
  referenceId: string | undefined;
  balanceAfter: number;
  /** Credits a capped credit could not add (`upToCap`); absent otherwise. */
  forfeited?: number | undefined;
  createdAt: string;
  /** True when the idempotency key had been used and nothing was written now. */
  replayed: boolean;
}

/** A stale read of the balance is retried at once many times: that is contention, not failure. */
const maxStaleAttempts = 300;
/** Conflicts and throttling back off exponentially, a few times. */
const maxBusyAttempts = 8;

type Attempt =
  | { kind: "committed"; posting: LedgerPosting }
  | { kind: "replayed" }
  | { kind: "stale"; user: UserItem | null }
  | { kind: "busy"; cause: unknown };

/**
 * The one function every credit movement goes through. In a single DynamoDB
 * transaction it moves the balance (conditioned on the sequence number read, so
 * concurrent writers cannot both succeed from the same balance, and on the
 * balance staying within [0, cap]), writes the ledger entry with `balanceAfter`,
 * and claims the idempotency key. A failed condition on the balance is never
 * retried as such: the fresh balance is re-evaluated and an insufficient one is
 * an `InsufficientBalance`. Transaction conflicts and throttling are retried
 * with backoff.
 */
export async function postLedgerEntry(
  ctx: CoreContext,
  input: PostEntryInput,
): Promise<LedgerPosting> {
  const cents = signedCents(input.amount, ctx.config.BALANCE_CAP);
  const capCents = toCents(ctx.config.BALANCE_CAP);
  let known: UserItem | null | undefined = input.knownUser;
  let staleAttempts = 0;
  let busyAttempts = 0;

  for (;;) {
    const user = known ?? (await readLedgerUser(ctx, input.userId));
    known = undefined;
    if (!user) {
      const replay = await findFirstResult(ctx, input);
      if (replay) return replay;
      throw new UserNotFound(input.userId);
    }

    const balanceCents = toCents(user.balance);
    // A capped credit takes what fits under the cap; the rest is forfeited, on the record.
    const creditCents =
      input.upToCap && cents > 0 ? Math.min(cents, capCents - balanceCents) : cents;
    const afterCents = balanceCents + creditCents;
    if (afterCents < 0 || afterCents > capCents) {
      // A replay of an operation that once fit must still answer with its first result.
      const replay = await findFirstResult(ctx, input);
      if (replay) return replay;
      if (afterCents < 0) {
        throw new InsufficientBalance({
          balance: user.balance,
          required: -input.amount,
          for: input.type,
          reason: input.reason,
        });
      }
      throw new BalanceCapExceeded({
        balance: user.balance,
        amount: input.amount,
        cap: ctx.config.BALANCE_CAP,
      });
    }

    const attempt = await commit(ctx, input, user, {
      amount: fromCents(creditCents),
      forfeitedCents: cents - creditCents,
      balanceAfter: fromCents(afterCents),
    });
    switch (attempt.kind) {
      case "committed":
        notifyPosting(attempt.posting);
        return attempt.posting;
      case "replayed": {
        const replay = await findFirstResult(ctx, input);
        if (replay) return replay;
        break; // the key's write raced ours and lost its own transaction; go again
      }
      case "stale":
        staleAttempts += 1;
        if (staleAttempts >= maxStaleAttempts) throw new LedgerBusy("balance kept changing");
        known = attempt.user;
        // Jittered, growing waits thin out a crowd of writers racing for one balance.
        await sleep(backoffMs(Math.min(staleAttempts, 6), 4, 150));
        break;
      case "busy":
        busyAttempts += 1;
        if (busyAttempts >= maxBusyAttempts) throw new LedgerBusy(attempt.cause);
        await sleep(backoffMs(busyAttempts));
        break;
    }
  }
}

/** A movement's amount in signed cents, refused unless a non-zero amount of at most two decimals. */
export function signedCents(amount: number, cap: number): number {
  if (typeof amount === "number" && amount < 0) return -amountInCents(-amount, cap);
  if (amount === 0) throw new InvalidAmount("must not be 0", amount);
  return amountInCents(amount, cap);
}

async function commit(
  ctx: CoreContext,
  input: PostEntryInput,
  user: UserItem,
  movement: { amount: number; forfeitedCents: number; balanceAfter: number },
): Promise<Attempt> {
  const now = ctx.clock().toISOString();
  const seq = user.ledgerSeq + 1;
  const entryId = ctx.newId();
  const entry = {
    userId: input.userId,
    seq,
    entryId,
    amount: movement.amount,
    type: input.type,
    reason: reasonWithForfeit(input.reason, movement.forfeitedCents),
    referenceId: input.referenceId,
    ...(input.marketId ? { marketId: input.marketId } : {}),
    // Without a key (a replay guard instead), the entry names what it paid for.
    idempotencyKey: input.idempotencyKey ?? `${input.type}#${input.referenceId ?? entryId}`,
    balanceAfter: movement.balanceAfter,
    ...(movement.forfeitedCents > 0 ? { forfeited: fromCents(movement.forfeitedCents) } : {}),
    createdAt: now,
  } satisfies LedgerEntryItem;

  const transaction = writeTransaction(ctx, input, user, entry);
  let result: Awaited<ReturnType<typeof transaction.write.go>>;
  try {
    result = await transaction.write.go();
  } catch (error) {
    if (isTransientError(error)) return { kind: "busy", cause: error };
    throw error;
  }
  if (!result.canceled) {
    return { kind: "committed", posting: { ...entry, replayed: false } };
  }

  const reasons = cancellationReasons(result);
  const [userReason, entryReason] = reasons;
  if (input.idempotencyKey && reasons[2]?.code === conditionFailed) return { kind: "replayed" };
  const rejected = rejectedWrite(transaction.extras, reasons, input.idempotencyKey ? 3 : 2);
  if (rejected && rejected === input.replayGuard?.write) return { kind: "replayed" };
  if (rejected) throw new ExtraWriteRejected(rejected, conditionFailed);
  if (userReason?.code === conditionFailed) {
    return { kind: "stale", user: (userReason.item as UserItem | null | undefined) ?? null };
  }
  // Another writer took this sequence number between our read and our write.
  if (entryReason?.code === conditionFailed) return { kind: "stale", user: null };
  if (reasons.some((reason) => isTransientCode(reason.code))) {
    return { kind: "busy", cause: reasons };
  }
  throw new TransactionCancelled("Ledger transaction", reasons);
}

/** The entry's reason, naming what a capped credit forfeited. */
export function reasonWithForfeit(reason: string, forfeitedCents: number): string {
  return forfeitedCents > 0
    ? `${reason} (${fromCents(forfeitedCents)} over the balance cap forfeited)`
    : reason;
}

function writeTransaction(
  ctx: CoreContext,
  input: PostEntryInput,
  user: UserItem,
  entry: LedgerEntryItem,
) {
  const capCents = toCents(ctx.config.BALANCE_CAP);
  const totals =
    typeof input.userTotals === "function" ? input.userTotals(entry.amount) : input.userTotals;
  let extras = namedItems(undefined);
  const write = serviceFor(ctx.db).transaction.write((entities) => {
    extras = namedItems(input.alsoWrite?.(entities, entry));
    return [
      balanceWrite(entities, user, entry, {
        capCents,
        fields: typeof input.userFields === "function" ? input.userFields(user) : input.userFields,
        totals,
      }),
      entities.ledgerEntry.create(entry).commit(),
      ...(input.idempotencyKey
        ? [
            entities.idempotencyKey
              .create({
                key: input.idempotencyKey,
                userId: input.userId,
                amount: input.amount,
                type: input.type,
                seq: entry.seq,
                entryId: entry.entryId,
                createdAt: entry.createdAt,
              })
              .commit(),
          ]
        : []),
      ...extras.items,
    ];
  });
  return {
    write,
    // ElectroDB builds the items (and names them, above) when the transaction runs.
    get extras() {
      return extras;
    },
  };
}

/**
 * The first result of this operation when an earlier attempt committed it
 * (its idempotency key or its replay guard's item is taken), or null.
 */
async function findFirstResult(
  ctx: CoreContext,
  input: PostEntryInput,
): Promise<LedgerPosting | null> {
  if (input.idempotencyKey) return findReplay(ctx, input, input.idempotencyKey);
  return (await input.replayGuard?.find()) ?? null;
}

/**
 * The first result of an operation whose idempotency key is taken, or null when
 * the key is free. The same key with another user, amount or type is refused.
 */
export async function findReplay(
  ctx: CoreContext,
  input: Pick<PostEntryInput, "userId" | "amount" | "type">,
  idempotencyKey: string,
): Promise<LedgerPosting | null> {
  const service = serviceFor(ctx.db);
  const { data: key } = await service.entities.idempotencyKey
    .get({ key: idempotencyKey })
    .go({ consistent: true });
  if (!key) return null;
  if (key.userId !== input.userId || key.amount !== input.amount || key.type !== input.type) {
    throw IdempotencyKeyReused.forLedgerKey(idempotencyKey);
  }
  const posting = await postingAt(ctx, key.userId, key.seq);
  if (!posting) throw new LedgerEntryMissing(idempotencyKey);
  return posting;
}

/**
 * The user's entry `seq` as a replay answers with it (an earlier attempt's
 * posting, found through what it wrote: a key, a bet, a claim), or null.
 */
export async function postingAt(
  ctx: CoreContext,
  userId: string,
  seq: number,
): Promise<LedgerPosting | null> {
  const { data: entry } = await serviceFor(ctx.db)
    .entities.ledgerEntry.get({ userId, seq })
    .go({ consistent: true });
  return entry ? { ...entry, referenceId: entry.referenceId, replayed: true } : null;
}
