import { usernameKey } from "../accounts/normalize";
import type { CoreContext } from "../context";
import type { UserItem } from "../entities/user";
import { UserNotFound } from "../errors";
import { postTransfer } from "../ledger/transfer";
import { limitsOf } from "../limits";
import { amountInCents, fromCents } from "../money";
import { heldWindowHit } from "../rate-limit";
import { serviceFor } from "../service";
import { AccountTooNew, InvalidTransferAmount, TransferDailyLimit, TransferToSelf } from "./errors";

export interface SendCreditsInput {
  fromUserId: string;
  toUsername: string;
  amount: number;
  note?: string | undefined;
  /** The client's `Idempotency-Key`, scoped to the sender; without one each call is new. */
  idempotencyKey?: string | undefined;
}

export interface SentCredits {
  transferId: string;
  amount: number;
  to: { id: string; username: string };
  note: string | null;
  newBalance: number;
  createdAt: string;
  replayed: boolean;
}

const dayMs = 86_400_000;

/**
 * Gifts credits to another user (docs/product-rules.md#gifting): both entries
 * in one transaction (`postTransfer`). Refused, with nothing moved: to
 * yourself, to an unknown user, under `TRANSFER_MIN` or past the sender's
 * `TRANSFER_MAX_PER_DAY` total, more than the balance (402), to a receiver at
 * the cap, from an account younger than `TRANSFER_MIN_ACCOUNT_AGE_HOURS`. The
 * per-minute limit and the day's total are held on the sender's item and
 * counted in the same update, so concurrent gifts cannot overspend either.
 */
export async function sendCredits(ctx: CoreContext, input: SendCreditsInput): Promise<SentCredits> {
  const { config } = ctx;
  const limits = { min: config.TRANSFER_MIN, maxPerDay: config.TRANSFER_MAX_PER_DAY };
  const cents = transferCents(input.amount, limits, config.BALANCE_CAP);
  const receiver = await findByUsername(ctx, input.toUsername);
  if (!receiver) throw new UserNotFound(input.toUsername);
  if (receiver.userId === input.fromUserId) throw new TransferToSelf();

  const now = ctx.clock();
  const { data: sender } = await serviceFor(ctx.db)
    .entities.user.get({ userId: input.fromUserId })
    .go({ consistent: true });
  if (!sender) throw new UserNotFound(input.fromUserId);
  const allowedFrom = Date.parse(sender.createdAt) + config.TRANSFER_MIN_ACCOUNT_AGE_HOURS * 3.6e6;
  if (now.getTime() < allowedFrom) {
    throw new AccountTooNew({
      minAgeHours: config.TRANSFER_MIN_ACCOUNT_AGE_HOURS,
      allowedFrom: new Date(allowedFrom).toISOString(),
    });
  }
  const rule = limitsOf(config).rateLimits.transfers;
  const senderWindows = (user: UserItem) => ({
    rateWindows: {
      ...user.rateWindows,
      transfers: heldWindowHit(ctx, rule, user.rateWindows?.transfers),
      transferredToday: dayTotal(ctx, user, cents, limits.maxPerDay),
    },
  });
  // Refused before the write when a window is full; counted again in each attempt.
  senderWindows(sender);

  const note = input.note?.trim() || null;
  const from = sender.username ?? "someone";
  const to = receiver.username ?? "someone";
  const posting = await postTransfer(ctx, {
    fromUserId: input.fromUserId,
    toUserId: receiver.userId,
    amount: fromCents(cents),
    reasons: {
      sender: `Sent to @${to}${note ? `: ${note}` : ""}`,
      receiver: `Gift from @${from}${note ? `: ${note}` : ""}`,
    },
    idempotencyKey: `transfer#${input.fromUserId}#${input.idempotencyKey ?? ctx.newId()}`,
    senderFields: senderWindows,
  });
  return {
    transferId: posting.sender.entryId,
    amount: fromCents(cents),
    to: { id: receiver.userId, username: to },
    note,
    newBalance: posting.sender.balanceAfter,
    createdAt: posting.sender.createdAt,
    replayed: posting.replayed,
  };
}

function transferCents(
  amount: number,
  limits: { min: number; maxPerDay: number },
  cap: number,
): number {
  let cents: number;
  try {
    cents = amountInCents(amount, cap);
  } catch {
    throw new InvalidTransferAmount(
      "must be a positive number of credits, 2 decimals at most",
      limits,
    );
  }
  if (cents < limits.min * 100) {
    throw new InvalidTransferAmount(`must be at least ${limits.min}`, limits);
  }
  if (cents > limits.maxPerDay * 100) {
    throw new InvalidTransferAmount(`must be at most ${limits.maxPerDay} (a day)`, limits);
  }
  return cents;
}

/** The sender's total of the UTC day with this gift, refused past the daily maximum. */
function dayTotal(ctx: CoreContext, user: UserItem, cents: number, maxPerDay: number) {
  const start = Math.floor(ctx.clock().getTime() / dayMs) * (dayMs / 1000);
  const held = user.rateWindows?.transferredToday;
  const sent = held?.start === start ? (held.count ?? 0) : 0;
  if (sent + cents > maxPerDay * 100) {
    throw new TransferDailyLimit({
      sentToday: fromCents(sent),
      maxPerDay,
      remaining: fromCents(Math.max(0, maxPerDay * 100 - sent)),
    });
  }
  return { start, count: sent + cents };
}

/** The user with this username (case aside; a look-alike name is not a match). */
async function findByUsername(ctx: CoreContext, username: string): Promise<UserItem | null> {
  const service = serviceFor(ctx.db);
  const { data: guard } = await service.entities.uniqueUsername
    .get({ username: usernameKey(username.trim()) })
    .go();
  if (!guard) return null;
  const { data: user } = await service.entities.user.get({ userId: guard.userId }).go();
  if (!user || user.username?.toLowerCase() !== username.trim().toLowerCase()) return null;
  return user;
}
