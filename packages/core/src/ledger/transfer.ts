import { cancellationReasons, conditionFailed, TransactionCancelled } from "../conditions";
import type { CoreContext } from "../context";
import type { LedgerEntryItem } from "../entities/ledger-entry";
import type { UserItem } from "../entities/user";
import { BalanceCapExceeded, InsufficientBalance, LedgerBusy, UserNotFound } from "../errors";
import { fromCents, toCents } from "../money";
import { serviceFor } from "../service";
import { balanceWrite, readLedgerUser } from "./balance-write";
import { notifyPosting } from "./observers";
import { findReplay, type LedgerPosting, signedCents, type UserFields } from "./post";
import { backoffMs, isTransientCode, isTransientError, sleep } from "./retry";

export interface TransferInput {
  fromUserId: string;
  toUserId: string;
  /** Positive credits, at most two decimals. */
  amount: number;
  /** Each side's entry reason. */
  reasons: { sender: string; receiver: string };
  /** Deterministic key of the operation; a replay returns the first result. */
  idempotencyKey: string;
  /** Fields of the sender's item set in the same update (a rate window); may throw to refuse. */
  senderFields?: ((sender: UserItem) => UserFields) | undefined;
}

export interface TransferPosting {
  sender: LedgerPosting;
  receiver: LedgerPosting;
  replayed: boolean;
}

const maxStaleAttempts = 100;
const maxBusyAttempts = 8;

/**
 * A movement between two users in ONE DynamoDB transaction: the sender's
 * `transfer_out` and the receiver's `transfer_in`, each with the same
 * conditions `postLedgerEntry` puts on a single user (`balanceWrite`: the
 * sequence read, the balance within [0, cap]), and the idempotency key on the
 * sender's side. Either both entries exist or neither does. A stale read of
 * either user is read again and re-checked; an insufficient balance is
 * `InsufficientBalance`, a receiver at the cap `BalanceCapExceeded`.
 */
export async function postTransfer(
  ctx: CoreContext,
  input: TransferInput,
): Promise<TransferPosting> {
  const cents = signedCents(input.amount, ctx.config.BALANCE_CAP);
  const capCents = toCents(ctx.config.BALANCE_CAP);
  const keyInput = {
    userId: input.fromUserId,
    amount: -fromCents(cents),
    type: "transfer_out" as const,
  };
  let staleAttempts = 0;
  let busyAttempts = 0;
  for (;;) {
    const [sender, receiver] = await Promise.all([
      readLedgerUser(ctx, input.fromUserId),
      readLedgerUser(ctx, input.toUserId),
    ]);
    const replay = async () => {
      const first = await findReplay(ctx, keyInput, input.idempotencyKey);
      return first ? replayOf(ctx, first) : null;
    };
    if (!sender || !receiver) {
      const first = await replay();
      if (first) return first;
      throw new UserNotFound(sender ? input.toUserId : input.fromUserId);
    }
    if (toCents(sender.balance) < cents || toCents(receiver.balance) + cents > capCents) {
      const first = await replay();
      if (first) return first;
      if (toCents(sender.balance) < cents) {
        throw new InsufficientBalance({
          balance: sender.balance,
          required: fromCents(cents),
          for: "transfer_out",
          reason: input.reasons.sender,
        });
      }
      throw new BalanceCapExceeded({
        balance: receiver.balance,
        amount: fromCents(cents),
        cap: ctx.config.BALANCE_CAP,
      });
    }

    const now = ctx.clock().toISOString();
    const out = entryOf(ctx, sender, -cents, "transfer_out", input.reasons.sender, receiver, now);
    const inn = entryOf(ctx, receiver, cents, "transfer_in", input.reasons.receiver, sender, now);
    let result: { canceled: boolean; data: unknown };
    try {
      result = await serviceFor(ctx.db)
        .transaction.write((entities) => [
          balanceWrite(entities, sender, out, {
            capCents,
            fields: input.senderFields?.(sender),
          }),
          balanceWrite(entities, receiver, inn, { capCents }),
          entities.ledgerEntry.create(out).commit(),
          entities.ledgerEntry.create(inn).commit(),
          entities.idempotencyKey
            .create({
              key: input.idempotencyKey,
              ...keyInput,
              seq: out.seq,
              entryId: out.entryId,
              createdAt: now,
            })
            .commit(),
        ])
        .go();
    } catch (error) {
      if (!isTransientError(error)) throw error;
      busyAttempts += 1;
      if (busyAttempts >= maxBusyAttempts) throw new LedgerBusy(error);
      await sleep(backoffMs(busyAttempts));
      continue;
    }
    if (!result.canceled) {
      const sent = { ...out, referenceId: out.referenceId, replayed: false };
      const received = { ...inn, referenceId: inn.referenceId, replayed: false };
      notifyPosting(sent);
      notifyPosting(received);
      return { sender: sent, receiver: received, replayed: false };
    }
    const reasons = cancellationReasons(result);
    if (reasons[4]?.code === conditionFailed) {
      const first = await replay();
      if (first) return first;
      continue;
    }
    if (reasons.slice(0, 4).some((reason) => reason.code === conditionFailed)) {
      staleAttempts += 1;
      if (staleAttempts >= maxStaleAttempts) throw new LedgerBusy("balances kept changing");
      await sleep(backoffMs(Math.min(staleAttempts, 6), 4, 150));
      continue;
    }
    if (reasons.some((reason) => isTransientCode(reason.code))) {
      busyAttempts += 1;
      if (busyAttempts >= maxBusyAttempts) throw new LedgerBusy(reasons);
      await sleep(backoffMs(busyAttempts));
      continue;
    }
    throw new TransactionCancelled("Transfer transaction", reasons);
  }
}

function entryOf(
  ctx: CoreContext,
  user: UserItem,
  cents: number,
  type: "transfer_out" | "transfer_in",
  reason: string,
  other: UserItem,
  createdAt: string,
): LedgerEntryItem {
  const entryId = ctx.newId();
  return {
    userId: user.userId,
    seq: user.ledgerSeq + 1,
    entryId,
    amount: fromCents(cents),
    type,
    reason,
    // Each side names the other user.
    referenceId: other.userId,
    idempotencyKey: `${type}#${entryId}`,
    balanceAfter: fromCents(toCents(user.balance) + cents),
    createdAt,
  };
}

/** The first result of a replayed transfer: the sender's entry and the receiver's beside it. */
async function replayOf(ctx: CoreContext, sent: LedgerPosting): Promise<TransferPosting> {
  const receiverId = sent.referenceId ?? "";
  const { data } = await serviceFor(ctx.db)
    .entities.ledgerEntry.query.byUserAndType({ userId: receiverId, type: "transfer_in" })
    .where(
      ({ createdAt, referenceId }, { eq }) =>
        `${eq(createdAt, sent.createdAt)} AND ${eq(referenceId, sent.userId)}`,
    )
    .go({ order: "desc", pages: 1 });
  const received = data[0];
  return {
    sender: sent,
    receiver: received
      ? { ...received, referenceId: received.referenceId, replayed: true }
      : { ...sent, replayed: true },
    replayed: true,
  };
}
