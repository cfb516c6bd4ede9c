import { forgetTokenState } from "../accounts/token-state";
import { cancellationReasons, conditionFailed, TransactionCancelled } from "../conditions";
import type { CoreContext } from "../context";
import type { UserItem } from "../entities/user";
import { UserNotFound, ValidationFailed } from "../errors";
import { serviceFor } from "../service";

export interface AccessChange {
  adminId: string;
  userId: string;
  plan?: UserItem["plan"] | undefined;
  role?: UserItem["role"] | undefined;
  reason: string;
}

/** Changing plan or role retries this often when the user changed under us. */
const maxAttempts = 5;

/**
 * Sets a user's plan and/or role. The user update (conditioned on the values
 * just read, so the audit's before/after are true) and one `AuditEvent` per
 * changed field commit in one transaction. Setting what is already set writes
 * nothing. A role change also raises the user's token generation, so every
 * sign-in of theirs ends; admin routes read the stored role anyway.
 */
export async function setUserAccess(ctx: CoreContext, change: AccessChange): Promise<UserItem> {
  if (change.plan === undefined && change.role === undefined) {
    throw new ValidationFailed("Nothing to change", { body: "give plan, role or both" });
  }
  const service = serviceFor(ctx.db);
  for (let attempt = 1; ; attempt++) {
    const { data: user } = await service.entities.user
      .get({ userId: change.userId })
      .go({ consistent: true });
    if (!user) throw new UserNotFound(change.userId);
    const plan = change.plan ?? user.plan;
    const role = change.role ?? user.role;
    if (plan === user.plan && role === user.role) return user;

    const now = ctx.clock().toISOString();
    const result = await service.transaction
      .write(({ user: users, auditEvent }) => {
        const event = (type: "plan_change" | "role_change", from: string, to: string) =>
          auditEvent
            .create({
              eventId: ctx.newId(),
              type,
              adminId: change.adminId,
              userId: change.userId,
              reason: change.reason,
              from,
              to,
              createdAt: now,
            })
            .commit();
        return [
          // A role change ends every sign-in of the user (the raised token
          // generation): no token carries the old role any more.
          (role !== user.role
            ? users.patch({ userId: change.userId }).add({ tokenGeneration: 1 })
            : users.patch({ userId: change.userId })
          )
            .set({ plan, role, updatedAt: now })
            .where((item, { eq }) => `${eq(item.plan, user.plan)} AND ${eq(item.role, user.role)}`)
            .commit(),
          ...(plan !== user.plan ? [event("plan_change", user.plan, plan)] : []),
          ...(role !== user.role ? [event("role_change", user.role, role)] : []),
        ];
      })
      .go();
    if (!result.canceled) {
      forgetTokenState(ctx.db, change.userId);
      return { ...user, plan, role, updatedAt: now };
    }
    const reasons = cancellationReasons(result);
    if (reasons[0]?.code !== conditionFailed || attempt >= maxAttempts) {
      throw new TransactionCancelled("Access change", reasons);
    }
  }
}
