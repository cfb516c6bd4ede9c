import { hashGate } from "../auth/hash-gate";
import { dummyVerify, needsRehash } from "../auth/password";
import type { UserItem } from "../entities/user";
import { openAccount } from "../ledger/open-account";
import { limitsOf } from "../limits";
import { clear, hit, standing } from "../rate-limit";
import { serviceFor } from "../service";
import type { AccountsContext } from "./context";
import { EmailTaken, InvalidCredentials, LoginThrottled, UsernameTaken } from "./errors";
import { isReservedUsername, normalizeEmail, usernameKey } from "./normalize";
import { assertStrongPassword } from "./password-strength";
import { hashLimited, verifyLimited } from "./passwords";
import { findUser } from "./profile";
import { effectiveRole, signIn, type TokenPair } from "./sign-in";

/** A successful sign-in: the account, the role this sign-in carries, and its tokens. */
export type SignedIn = TokenPair & { user: UserItem; role: UserItem["role"] };

import { sendEmailVerification } from "./verification";

export interface RegisterInput {
  username: string;
  email: string;
  password: string;
}

/**
 * Creates the account, its email and username guards and its signup bonus
 * ledger entry in one transaction, emails a verification link, then signs the
 * user in. Of two concurrent registrations with the same email or username
 * (or usernames with one confusable skeleton) exactly one succeeds. Every
 * account starts as a `user`: the admin role is derived at each sign-in.
 */
export async function register(
  ctx: AccountsContext,
  input: RegisterInput,
): Promise<SignedIn & { verificationEmailError: unknown }> {
  const email = normalizeEmail(input.email);
  if (isReservedUsername(input.username)) throw new UsernameTaken();
  await assertStrongPassword(input.password, { username: input.username, email });
  const userId = ctx.newId();
  const bonus = ctx.config.SIGNUP_BONUS;
  const { user } = await openAccount(ctx, {
    userId,
    email,
    username: input.username,
    passwordHash: await hashLimited(ctx, input.password),
    role: "user",
    openingGrant:
      bonus > 0 ? { amount: bonus, type: "signup_bonus", reason: "Welcome bonus" } : undefined,
    alsoWrite: ({ uniqueEmail, uniqueUsername }) => ({
      email: uniqueEmail.create({ email, userId }).commit(),
      username: uniqueUsername.create({ username: usernameKey(input.username), userId }).commit(),
    }),
    onRejected: (write) => {
      if (write === "email") return new EmailTaken();
      if (write === "username") return new UsernameTaken();
      return undefined;
    },
  });
  // The account exists once its transaction commits: an email that cannot be sent
  // now must not turn the registration into an error (the user can ask again).
  const verificationEmailError = await sendEmailVerification(ctx, user.userId).then(
    () => undefined,
    (error: unknown) => error,
  );
  return {
    user,
    role: effectiveRole(ctx, user),
    verificationEmailError,
    ...(await signIn(ctx, user)),
  };
}

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

export async function findUserByEmail(
  ctx: AccountsContext,
  email: string,
): Promise<UserItem | null> {
  const { data: guard } = await serviceFor(ctx.db)
    .entities.uniqueEmail.get({ email: normalizeEmail(email) })
    .go({ consistent: true });
  return guard ? findUser(ctx, guard.userId) : null;
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
