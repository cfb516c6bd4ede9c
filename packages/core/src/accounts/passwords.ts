import { setTimeout as sleep } from "node:timers/promises";
import { hashGate } from "../auth/hash-gate";
import { hashPassword, verifyPassword } from "../auth/password";
import type { CoreContext } from "../context";
import { limitsOf } from "../limits";
import { clear, hit } from "../rate-limit";
import { serviceFor } from "../service";
import type { AccountsContext } from "./context";
import { InvalidCredentials, InvalidResetToken } from "./errors";
import { normalizeEmail } from "./normalize";
import { assertStrongPassword } from "./password-strength";
import { findUserByEmail, getUser } from "./profile";
import { epochSeconds, hashToken, newOpaqueToken } from "./secrets";
import { forgetTokenState } from "./token-state";

/** Hashing, always through the process's one bound on concurrent hashes. */
export function hashLimited(ctx: CoreContext, password: string): Promise<string> {
  return hashGate(ctx.config).run(() => hashPassword(password));
}

export function verifyLimited(ctx: CoreContext, password: string, stored: string, client?: string) {
  return hashGate(ctx.config).run(() => verifyPassword(password, stored), client);
}

/**
 * Changes the password after checking the current one. The raised token
 * generation ends every sign-in (refresh and access tokens) and voids every
 * outstanding reset link.
 */
export async function changePassword(
  ctx: CoreContext,
  userId: string,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await getUser(ctx, userId);
  if (!user.passwordHash || !(await verifyLimited(ctx, input.currentPassword, user.passwordHash))) {
    throw new InvalidCredentials();
  }
  await assertStrongPassword(input.newPassword, user, "newPassword");
  const passwordHash = await hashLimited(ctx, input.newPassword);
  // ADD, not a set from the value read: a sign-in between that read and this
  // write names the old generation and ends here too.
  await serviceFor(ctx.db)
    .entities.user.patch({ userId })
    .set({ passwordHash, updatedAt: ctx.clock().toISOString() })
    .add({ tokenGeneration: 1 })
    .go();
  forgetTokenState(ctx.db, userId);
}

/**
 * Emails a single-use reset link when the account exists and its address has
 * not had `PASSWORD_RESET_PER_HOUR` links this hour (per email, whatever the
 * client IPs; the route also limits per IP). The caller answers the same either
 * way. With `afterResponse` (a long-lived server) the lookup, the token and the
 * email all happen after the answer, so known and unknown addresses take the
 * same time; without it (a Lambda) they happen here, hidden by never returning
 * sooner than `PASSWORD_RESET_RESPONSE_MS`.
 */
export async function requestPasswordReset(
  ctx: AccountsContext,
  email: string,
  afterResponse?: (task: () => Promise<void>) => void,
): Promise<void> {
  const started = performance.now();
  try {
    if (afterResponse) afterResponse(() => sendResetLink(ctx, email));
    else await sendResetLink(ctx, email);
  } finally {
    const left = ctx.config.PASSWORD_RESET_RESPONSE_MS - (performance.now() - started);
    if (left > 0) await sleep(left);
  }
}

async function sendResetLink(ctx: AccountsContext, email: string): Promise<void> {
  const user = await findUserByEmail(ctx, email);
  if (!user?.email) return;
  const perEmail = await hit(
    ctx,
    limitsOf(ctx.config).rateLimits.passwordReset,
    `email:${normalizeEmail(email)}`,
  );
  if (!perEmail.allowed) return;
  const token = newOpaqueToken();
  const expires = new Date(ctx.clock().getTime() + ctx.config.PASSWORD_RESET_TTL_SECONDS * 1000);
  await serviceFor(ctx.db)
    .entities.passwordResetToken.create({
      tokenHash: hashToken(token),
      userId: user.userId,
      expiresAt: expires.toISOString(),
      generation: user.tokenGeneration ?? 0,
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

/**
 * Sets a new password with a reset token, which is used up together with every
 * other outstanding one (the token generation moves on); every sign-in ends.
 */
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
  const user = await getUser(ctx, reset.userId);
  const generation = reset.generation ?? 0;
  if ((user.tokenGeneration ?? 0) !== generation) throw new InvalidResetToken();
  await assertStrongPassword(input.newPassword, user, "newPassword");
  const now = ctx.clock().toISOString();
  const passwordHash = await hashLimited(ctx, input.newPassword);
  const result = await serviceFor(ctx.db)
    .transaction.write(({ passwordResetToken, user: users }) => [
      passwordResetToken
        .patch({ tokenHash })
        .set({ usedAt: now })
        .where((item, { notExists }) => notExists(item.usedAt))
        .commit(),
      users
        .patch({ userId: reset.userId })
        .set({ passwordHash, tokenGeneration: generation + 1, updatedAt: now })
        .where((item, { eq, notExists }) =>
          generation === 0
            ? `${notExists(item.tokenGeneration)} OR ${eq(item.tokenGeneration, 0)}`
            : eq(item.tokenGeneration, generation),
        )
        .commit(),
    ])
    .go();
  // The conditions make a second use of this token, or of any other one issued
  // before this reset (even a concurrent one), fail.
  if (result.canceled) throw new InvalidResetToken();
  // The raised generation ended every sign-in (accounts/sign-in.ts).
  forgetTokenState(ctx.db, reset.userId);
  // Whoever guessed at the old password, the owner may sign in now.
  if (user.email) {
    await clear(
      ctx,
      limitsOf(ctx.config).rateLimits.loginFailures,
      `account:${normalizeEmail(user.email)}`,
    );
  }
}
