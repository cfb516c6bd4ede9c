import { dummyVerify, hashPassword, needsRehash, verifyPassword } from "../auth/password";
import type { UserItem } from "../entities/user";
import { openAccount } from "../ledger/open-account";
import { serviceFor } from "../service";
import type { AccountsContext } from "./context";
import { EmailTaken, InvalidCredentials, UsernameTaken } from "./errors";
import { normalizeEmail, usernameKey } from "./normalize";
import { findUser } from "./profile";
import { startSession, type TokenPair } from "./sessions";

export interface RegisterInput {
  username: string;
  email: string;
  password: string;
}

/**
 * Creates the account, its email and username guards and its signup bonus
 * ledger entry in one transaction, then logs the user in. Of two concurrent
 * registrations with the same email or username exactly one succeeds.
 */
export async function register(
  ctx: AccountsContext,
  input: RegisterInput,
): Promise<TokenPair & { user: UserItem }> {
  const email = normalizeEmail(input.email);
  const userId = ctx.newId();
  const bonus = ctx.config.SIGNUP_BONUS;
  const { user } = await openAccount(ctx, {
    userId,
    email,
    username: input.username,
    passwordHash: await hashPassword(input.password),
    role: ctx.config.ADMIN_EMAILS.includes(email) ? "admin" : "user",
    openingGrant:
      bonus > 0 ? { amount: bonus, type: "signup_bonus", reason: "Welcome bonus" } : undefined,
    alsoWrite: ({ uniqueEmail, uniqueUsername }) => [
      uniqueEmail.create({ email, userId }).commit(),
      uniqueUsername.create({ username: usernameKey(input.username), userId }).commit(),
    ],
    onRejected: ([emailCode, usernameCode]) => {
      if (emailCode === "ConditionalCheckFailed") return new EmailTaken();
      if (usernameCode === "ConditionalCheckFailed") return new UsernameTaken();
      return undefined;
    },
  });
  return { user, ...(await startSession(ctx, user)) };
}

/**
 * Checks an email and password. An unknown email costs the same hashing work as
 * a wrong password and fails with the same error.
 */
export async function login(
  ctx: AccountsContext,
  input: { email: string; password: string },
): Promise<TokenPair & { user: UserItem }> {
  const user = await findUserByEmail(ctx, input.email);
  const valid = user?.passwordHash
    ? await verifyPassword(input.password, user.passwordHash)
    : await dummyVerify(input.password);
  if (!user || !valid) throw new InvalidCredentials();

  const current = await upgradeOnLogin(ctx, user, input.password);
  return { user: current, ...(await startSession(ctx, current)) };
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

/** Raises the hash to today's parameters and applies ADMIN_EMAILS, while we have the password. */
async function upgradeOnLogin(
  ctx: AccountsContext,
  user: UserItem,
  password: string,
): Promise<UserItem> {
  const promote = user.role !== "admin" && ctx.config.ADMIN_EMAILS.includes(user.email ?? "");
  const rehash = user.passwordHash !== undefined && needsRehash(user.passwordHash);
  if (!promote && !rehash) return user;
  const changes = {
    ...(promote ? { role: "admin" as const } : {}),
    ...(rehash ? { passwordHash: await hashPassword(password) } : {}),
    updatedAt: ctx.clock().toISOString(),
  };
  await serviceFor(ctx.db).entities.user.patch({ userId: user.userId }).set(changes).go();
  return { ...user, ...changes };
}
