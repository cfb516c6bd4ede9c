import { hashGate } from "../auth/hash-gate";
import { dummyVerify, needsRehash } from "../auth/password";
import type { UserItem } from "../entities/user";
import { limitsOf } from "../limits";
import { clear, hit, standing } from "../rate-limit";
import { serviceFor } from "../service";
import type { AccountsContext } from "./context";
import { InvalidCredentials, LoginThrottled } from "./errors";
import { normalizeEmail } from "./normalize";
import { hashLimited, verifyLimited } from "./passwords";
import { findUserByEmail } from "./profile";
import { effectiveRole, signIn, type TokenPair } from "./sign-in";

/** A successful sign-in: the account, the role this sign-in carries, and its tokens. */
export type SignedIn = TokenPair & { user: UserItem; role: UserItem["role"] };

/**
 * Checks an email and password. An unknown email costs the same hashing work as
 * a wrong password and fails with the same error.
 */
export async function login(
  ctx: AccountsContext,
  input: { email: string; password: string },
  /** Who asks (`ip:…`): a client's share of the hash queue is bounded. */
  client?: string,
): Promise<SignedIn> {
  // Counted per address whether or not it has an account, so the 429 tells
  // nothing about which emails exist; checked before hashing, so a locked
  // account costs no hash either.
  const failures = limitsOf(ctx.config).rateLimits.loginFailures;
  const account = `account:${normalizeEmail(input.email)}`;
  const before = await standing(ctx, failures, account);
  if (before.remaining <= 0) throw new LoginThrottled(ctx, failures);
  const user = await findUserByEmail(ctx, input.email);
  const valid = user?.passwordHash
    ? await verifyLimited(ctx, input.password, user.passwordHash, client)
    : await hashGate(ctx.config).run(() => dummyVerify(input.password), client);
  if (!user || !valid) {
    await hit(ctx, failures, account);
    throw new InvalidCredentials();
  }
  if (before.used > 0) await clear(ctx, failures, account);

  const current = await rehashOnLogin(ctx, user, input.password);
  return { user: current, role: effectiveRole(ctx, current), ...(await signIn(ctx, current)) };
}

/**
 * Raises the hash to today's argon2id parameters while we have the password
 * (a scrypt hash from before becomes argon2id at its owner's next login).
 */
async function rehashOnLogin(
  ctx: AccountsContext,
  user: UserItem,
  password: string,
): Promise<UserItem> {
  if (user.passwordHash === undefined || !needsRehash(user.passwordHash)) return user;
  const changes = {
    passwordHash: await hashLimited(ctx, password),
    updatedAt: ctx.clock().toISOString(),
  };
  await serviceFor(ctx.db).entities.user.patch({ userId: user.userId }).set(changes).go();
  return { ...user, ...changes };
}
