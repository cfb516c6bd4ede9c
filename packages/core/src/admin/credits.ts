import type { CoreContext } from "../context";
import { InvalidAmount } from "../errors";
import { type LedgerPosting, postLedgerEntry } from "../ledger/post";
import { fromCents, toCents } from "../money";

export interface AdminCreditInput {
  adminId: string;
  userId: string;
  /** `admin_grant`: positive. `admin_adjustment`: signed, never below 0 nor above the cap. */
  type: "admin_grant" | "admin_adjustment";
  amount: number;
  reason: string;
  /**
   * The client's `Idempotency-Key`, scoped to the admin: a replay writes nothing
   * again. Without one every call is a new movement (the SPA always sends one).
   */
  idempotencyKey?: string | undefined;
}

/**
 * An admin's grant or adjustment: the ledger entry and its `AuditEvent` (admin,
 * user, amount, reason, balance before and after, time) in one transaction, so
 * a movement without its audit record, or a record of nothing, cannot exist.
 * A replayed key returns the first posting and writes neither again.
 */
export async function postAdminCredit(
  ctx: CoreContext,
  input: AdminCreditInput,
): Promise<LedgerPosting> {
  if (input.type === "admin_grant" && !(input.amount > 0)) {
    throw new InvalidAmount("must be greater than 0", input.amount);
  }
  return postLedgerEntry(ctx, {
    userId: input.userId,
    amount: input.amount,
    type: input.type,
    reason: input.reason,
    referenceId: input.adminId,
    idempotencyKey: `admin_credits#${input.adminId}#${input.idempotencyKey ?? ctx.newId()}`,
    alsoWrite: (entities, entry) => ({
      audit: entities.auditEvent
        .create({
          eventId: entry.entryId,
          type: input.type,
          adminId: input.adminId,
          userId: input.userId,
          reason: input.reason,
          amount: entry.amount,
          balanceBefore: fromCents(toCents(entry.balanceAfter) - toCents(entry.amount)),
          balanceAfter: entry.balanceAfter,
          ledgerSeq: entry.seq,
          createdAt: entry.createdAt,
        })
        .commit(),
    }),
  });
}
