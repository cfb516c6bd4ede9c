import { hashPassword, verifyPassword } from "../auth/password";
import type { CoreContext } from "../context";
import { serviceFor } from "../service";
import type { AccountsContext } from "./context";
import { InvalidCredentials, InvalidResetToken } from "./errors";
import { getUser } from "./profile";
import { findUserByEmail } from "./register";
import { epochSeconds, hashToken, newOpaqueToken } from "./secrets";
import { revokeAllSessions } from "./sessions";

/** Changes the password after checking the current one; every session ends. */
export async function changePassword(
  ctx: CoreContext,
  userId: string,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await getUser(ctx, userId);
  if (!user.passwordHash || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new InvalidCredentials();
  }
  await setPassword(ctx, userId, input.newPassword);
}

/**
 * Emails a single-use reset link when the account exists. The caller answers
 * the same either way, so the endpoint does not reveal which emails exist.
 */
export async function requestPasswordReset(ctx: AccountsContext, email: string): Promise<void> {
  const user = await findUserByEmail(ctx, email);
  if (!user?.email) return;
  const token = newOpaqueToken();
  const expires = new Date(ctx.clock().getTime() + ctx.config.PASSWORD_RESET_TTL_SECONDS * 1000);
  await serviceFor(ctx.db)
    .entities.passwordResetToken.create({
      tokenHash: hashToken(token),
      userId: user.userId,
      expiresAt: expires.toISOString(),
      ttl: epochSeconds(expires) + 24 * 60 * 60,
    })
    .go();
  const minutes = Math.round(ctx.config.PASSWORD_RESET_TTL_SECONDS / 60);
  await ctx.email.send({
    to: user.email,
    subject: "Reset your Credits Market password",
    text: [
      `Hi ${user.username ?? ""},`,
      "",
      "Someone asked to reset the password of your Credits Market account.",
      `Open this link within ${minutes} minutes to choose a new one:`,
      `${ctx.config.PUBLIC_URL}/reset-password?token=${token}`,
      "",
      `Or use this code with POST /api/v1/auth/password-reset/confirm: ${token}`,
      "",
      "If it was not you, ignore this email; your password stays as it is.",
    ].join("\n"),
  });
}

/** Sets a new password with a reset token, which is used up; every session ends. */
export async function confirmPasswordReset(
  ctx: CoreContext,
  input: { token: string; newPassword: string },
): Promise<void> {
  const entity = serviceFor(ctx.db).entities.passwordResetToken;
  const tokenHash = hashToken(input.token);
  const { data: reset } = await entity.get({ tokenHash }).go({ consistent: true });
  if (!reset || reset.usedAt || Date.parse(reset.expiresAt) <= ctx.clock().getTime()) {
    throw new InvalidResetToken();
  }
  const now = ctx.clock().toISOString();
  const passwordHash = await hashPassword(input.newPassword);
  const result = await serviceFor(ctx.db)
    .transaction.write(({ passwordResetToken, user }) => [
      passwordResetToken
        .patch({ tokenHash })
        .set({ usedAt: now })
        .where((item, { notExists }) => notExists(item.usedAt))
        .commit(),
      user.patch({ userId: reset.userId }).set({ passwordHash, updatedAt: now }).commit(),
    ])
    .go();
  // The condition makes a second use of the same token (even a concurrent one) fail.
  if (result.canceled) throw new InvalidResetToken();
  await revokeAllSessions(ctx, reset.userId);
}

async function setPassword(ctx: CoreContext, userId: string, password: string): Promise<void> {
  await serviceFor(ctx.db)
    .entities.user.patch({ userId })
    .set({ passwordHash: await hashPassword(password), updatedAt: ctx.clock().toISOString() })
    .go();
  await revokeAllSessions(ctx, userId);
}
