import {
  cancellationReasons,
  conditionFailed,
  TransactionCancelled,
  writeRetryingConflicts,
} from "../conditions";
import type { CoreContext } from "../context";
import { dayOf } from "../counters";
import type { LedgerEntryType } from "../entities/ledger-entry";
import type { UserItem } from "../entities/user";
import { amountInCents, fromCents } from "../money";
import { serviceFor, type TransactionEntities } from "../service";
import { listCounterDeltas } from "./counters";
import { AccountExists } from "./errors";
import { type ExtraWrites, namedItems, rejectedWrite } from "./extra-writes";
import { notifyPosting } from "./observers";
import type { LedgerPosting } from "./post";

export interface OpenAccountInput {
  userId: string;
  email?: string | undefined;
  username?: string | undefined;
  passwordHash?: string | undefined;
  role?: UserItem["role"] | undefined;
  plan?: UserItem["plan"] | undefined;
  /** The user whose referral code brought this one. */
  referredBy?: string | undefined;
  /** The first credits, written as the account's first ledger entry. */
  openingGrant?: { amount: number; type: LedgerEntryType; reason: string } | undefined;
  /**
   * More writes for the same transaction, by name (uniqueness guards). The name
   * of the first one that failed its condition goes to `onRejected`.
   */
  alsoWrite?: ((entities: TransactionEntities) => ExtraWrites) | undefined;
  /** Turns a rejected extra write, by name, into a domain error (e.g. email taken). */
  onRejected?: ((write: string) => Error | undefined) | undefined;
}

/**
 * Creates a user and, in the same transaction, its opening ledger entry and the
 * entry's idempotency key (`<type>#<userId>`), so no account ever exists with a
 * balance its ledger does not explain.
 */
export async function openAccount(
  ctx: CoreContext,
  input: OpenAccountInput,
): Promise<{ user: UserItem; opening: LedgerPosting | null }> {
  const now = ctx.clock().toISOString();
  const grant = input.openingGrant;
  const balance = grant ? fromCents(amountInCents(grant.amount, ctx.config.BALANCE_CAP)) : 0;
  const user = {
    userId: input.userId,
    email: input.email,
    username: input.username,
    passwordHash: input.passwordHash,
    role: input.role ?? "user",
    plan: input.plan ?? "free",
    ...(input.referredBy ? { referredBy: input.referredBy } : {}),
    balance,
    ledgerSeq: grant ? 1 : 0,
    pnl: 0,
    volume: 0,
    creditsEarned: balance,
    creditsSpent: 0,
    // Opening an account is the user's first activity (analytics' DAU).
    lastActiveDay: dayOf(now),
    // The opening entry counts in the list counters like any other (`ledger/counters.ts`).
    ...(grant ? listCounterDeltas(grant.type) : {}),
    createdAt: now,
    updatedAt: now,
  } satisfies UserItem;
  const opening: LedgerPosting | null = grant
    ? {
        entryId: ctx.newId(),
        userId: input.userId,
        seq: 1,
        amount: balance,
        type: grant.type,
        reason: grant.reason,
        referenceId: input.userId,
        balanceAfter: balance,
        createdAt: now,
        replayed: false,
      }
    : null;

  let extras = namedItems(undefined);
  const result = await writeRetryingConflicts(() =>
    serviceFor(ctx.db)
      .transaction.write((entities) => {
        extras = namedItems(input.alsoWrite?.(entities));
        return [
          entities.user.create(user).commit(),
          ...(opening
            ? [
                entities.ledgerEntry
                  .create({ ...opening, idempotencyKey: `${opening.type}#${input.userId}` })
                  .commit(),
                entities.idempotencyKey
                  .create({
                    key: `${opening.type}#${input.userId}`,
                    userId: input.userId,
                    amount: opening.amount,
                    type: opening.type,
                    seq: 1,
                    entryId: opening.entryId,
                    createdAt: now,
                  })
                  .commit(),
              ]
            : []),
          ...extras.items,
        ];
      })
      .go(),
  );
  if (result.canceled) {
    const reasons = cancellationReasons(result);
    if (reasons[0]?.code === conditionFailed) throw new AccountExists(input.userId);
    const rejected = rejectedWrite(extras, reasons, opening ? 3 : 1);
    const mapped = rejected ? input.onRejected?.(rejected) : undefined;
    if (mapped) throw mapped;
    throw new TransactionCancelled("Account transaction", reasons);
  }
  if (opening) notifyPosting(opening);
  return { user, opening };
}
