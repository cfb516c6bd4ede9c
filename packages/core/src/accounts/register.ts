import { ValidationFailed } from "../errors";
import { openAccount } from "../ledger/open-account";
import { referrerOf } from "../referrals/code";
import type { AccountsContext } from "./context";
import { EmailTaken, UsernameTaken } from "./errors";
import type { SignedIn } from "./login";
import { isReservedUsername, normalizeEmail, usernameKey } from "./normalize";
import { assertStrongPassword } from "./password-strength";
import { hashLimited } from "./passwords";
import { effectiveRole, signIn } from "./sign-in";
import { sendEmailVerification } from "./verification";

export interface RegisterInput {
  username: string;
  email: string;
  password: string;
  /** A referral code (`/users/me/referral`): its owner and this user get a bonus after a first settled bet. */
  referralCode?: string | undefined;
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
  const referrerId = input.referralCode ? await referrerOf(ctx, input.referralCode) : undefined;
  const userId = ctx.newId();
  const bonus = ctx.config.SIGNUP_BONUS;
  const { user } = await openAccount(ctx, {
    userId,
    email,
    username: input.username,
    passwordHash: await hashLimited(ctx, input.password),
    role: "user",
    referredBy: referrerId,
    openingGrant:
      bonus > 0 ? { amount: bonus, type: "signup_bonus", reason: "Welcome bonus" } : undefined,
    alsoWrite: ({ uniqueEmail, uniqueUsername, userSearchKey, user: users }) => ({
      email: uniqueEmail.create({ email, userId }).commit(),
      username: uniqueUsername.create({ username: usernameKey(input.username), userId }).commit(),
      // Admin search (`admin/users.ts`), off the user item: balance changes write no index.
      search: userSearchKey.put({ userId, email, username: input.username }).commit(),
      ...(referrerId
        ? { referrer: users.patch({ userId: referrerId }).add({ referredCount: 1 }).commit() }
        : {}),
    }),
    onRejected: (write) => {
      if (write === "email") return new EmailTaken();
      if (write === "username") return new UsernameTaken();
      if (write === "referrer") {
        return new ValidationFailed("Unknown referral code", { referralCode: "has no account" });
      }
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
