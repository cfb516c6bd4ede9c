import type { CoreContext } from "../context";
import type { LedgerEntryType } from "../entities/ledger-entry";
import { InvalidAmount, ValidationFailed } from "../errors";
import { type LedgerPosting, postLedgerEntry } from "./post";

/** Which direction each entry type moves credits; `admin_adjustment` goes either way. */
export const creditTypes: ReadonlySet<LedgerEntryType> = new Set<LedgerEntryType>([
  "signup_bonus",
  "daily_reward",
  "bet_payout",
  "admin_grant",
  "migration_grant",
  "admin_adjustment",
  "purchase",
  "transfer_in",
  "referral_bonus",
]);
export const debitTypes: ReadonlySet<LedgerEntryType> = new Set<LedgerEntryType>([
  "bet_placed",
  "prediction_charge",
  "admin_adjustment",
  "purchase_refund",
  "transfer_out",
  "expiration",
]);
export const refundTypes: ReadonlySet<LedgerEntryType> = new Set<LedgerEntryType>([
  "bet_refund",
  "prediction_refund",
]);

export interface MovementInput {
  userId: string;
  /** Positive credits, at most two decimals. */
  amount: number;
  reason: string;
  referenceId?: string | undefined;
  idempotencyKey: string;
}

/** Adds credits (signup bonus, daily reward, payout, admin grant, ...). */
export async function grant(
  ctx: CoreContext,
  input: MovementInput & { type: LedgerEntryType },
): Promise<LedgerPosting> {
  requireType(input.type, creditTypes, "a credit");
  requirePositive(input.amount);
  return postLedgerEntry(ctx, input);
}

/** Takes credits for something the user buys (a bet, a prediction session). */
export async function consume(
  ctx: CoreContext,
  input: MovementInput & { type: LedgerEntryType },
): Promise<LedgerPosting> {
  requireType(input.type, debitTypes, "a debit");
  requirePositive(input.amount);
  return postLedgerEntry(ctx, { ...input, amount: -input.amount });
}

/** Gives back credits taken earlier; the idempotency key names what is refunded. */
export async function refund(
  ctx: CoreContext,
  input: MovementInput & { type: LedgerEntryType },
): Promise<LedgerPosting> {
  requireType(input.type, refundTypes, "a refund");
  requirePositive(input.amount);
  return postLedgerEntry(ctx, input);
}

function requireType(
  type: LedgerEntryType,
  allowed: ReadonlySet<LedgerEntryType>,
  what: string,
): void {
  if (!allowed.has(type)) {
    throw new ValidationFailed(`${type} is not ${what} type`, {
      type: `must be one of ${[...allowed].join(", ")}`,
    });
  }
}

/** The wrappers take magnitudes; a sign here would silently flip the movement. */
function requirePositive(amount: number): void {
  if (typeof amount !== "number" || !(amount > 0)) {
    throw new InvalidAmount(
      Number.isNaN(amount) ? "must be a number" : "must be greater than 0",
      amount,
    );
  }
}

/**
 * An admin's movement: `admin_grant` adds credits, `admin_adjustment` carries
 * its own sign (a negative one cannot take the balance below 0).
 */
export async function postAdminMovement(
  ctx: CoreContext,
  input: MovementInput & { type: "admin_grant" | "admin_adjustment" },
): Promise<LedgerPosting> {
  if (input.type === "admin_grant") requirePositive(input.amount);
  return postLedgerEntry(ctx, input);
}
