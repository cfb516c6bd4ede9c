import { cancellationReasons, conditionFailed, TransactionCancelled } from "../conditions";
import type { CoreContext } from "../context";
import type { UserItem } from "../entities/user";
import { UserNotFound, ValidationFailed } from "../errors";
import { type BoardStanding, boardStanding } from "../leaderboard/standing";
import { streakAt } from "../rewards/rules";
import { serviceFor } from "../service";
import type { AccountsContext } from "./context";
import { UsernameTaken } from "./errors";
import { isReservedUsername, normalizeEmail, usernameKey } from "./normalize";

/** What anyone may see of a user. */
export interface PublicProfile {
  id: string;
  username: string;
  totalVolume: number;
  overallPnL: number;
  rankByPnL: number | null;
  rankByVolume: number | null;
  /** When the account was opened. */
  joinedAt: string;
  /** Bets by outcome: `open` are placed and not settled yet (open positions). */
  record: { won: number; lost: number; open: number; cancelled: number };
}

/** What the user sees of themselves. */
export interface PrivateProfile extends PublicProfile {
  email: string;
  role: UserItem["role"];
  /** Whether the owner opened the verification link sent to `email`. */
  emailVerified: boolean;
  plan: UserItem["plan"];
  creditBalance: number;
  /** Lifetime credits in and out, kept by the ledger (docs/product-rules.md). */
  totalCreditsEarned: number;
  totalCreditsSpent: number;
  createdAt: string;
  lastDailyRewardAt: string | null;
  /**
   * Consecutive daily claims, each within the streak window of the one before
   * (`streakWindowMs`); 0 once the last claim is older than the window.
   */
  currentStreak: number;
  longestStreak: number;
  /** The balance is below `LOW_CREDIT_WARNING`. */
  lowCredits: boolean;
  /** Email me when a bet pays out (off unless the owner turned it on). */
  emailPayouts: boolean;
}

export function publicProfile(user: UserItem): PublicProfile {
  return {
    id: user.userId,
    username: user.username ?? "",
    totalVolume: user.volume,
    overallPnL: user.pnl,
    // Written by the ranking job; absent until the user is first ranked.
    rankByPnL: user.rankByPnL ?? null,
    rankByVolume: user.rankByVolume ?? null,
    joinedAt: user.createdAt,
    // The bet list counters (`bets_<status>`), kept by the bet and settlement transactions.
    record: {
      won: user.bets_won ?? 0,
      lost: user.bets_lost ?? 0,
      open: user.bets_pending ?? 0,
      cancelled: user.bets_cancelled ?? 0,
    },
  };
}

/**
 * The user's own profile, as of `ctx.clock()` (the streak window applies).
 * `role` is the caller's effective role (the token's), which may differ from the stored one.
 */
export function privateProfile(
  user: UserItem,
  ctx: Pick<CoreContext, "config" | "clock">,
  role: UserItem["role"] = user.role,
): PrivateProfile {
  return {
    ...publicProfile(user),
    email: user.email ?? "",
    role,
    emailVerified: Boolean(user.emailVerifiedAt),
    plan: user.plan,
    creditBalance: user.balance,
    totalCreditsEarned: user.creditsEarned ?? 0,
    totalCreditsSpent: user.creditsSpent ?? 0,
    createdAt: user.createdAt,
    lastDailyRewardAt: user.lastDailyRewardAt ?? null,
    currentStreak: streakAt(user.lastDailyRewardAt, user.currentStreak ?? 0, ctx.clock()),
    longestStreak: user.longestStreak ?? 0,
    lowCredits: user.balance < ctx.config.LOW_CREDIT_WARNING,
    emailPayouts: user.emailPayouts ?? false,
  };
}

export async function findUser(ctx: CoreContext, userId: string): Promise<UserItem | null> {
  const { data } = await serviceFor(ctx.db).entities.user.get({ userId }).go({ consistent: true });
  return data;
}

export async function getUser(ctx: CoreContext, userId: string): Promise<UserItem> {
  const user = await findUser(ctx, userId);
  if (!user) throw new UserNotFound(userId);
  return user;
}

/**
 * Someone's profile (the private one only when the viewer is that user), with
 * their standing on the all-time boards as the boards show it, so the two
 * pages agree on rank, volume and PnL.
 */
export async function viewProfile(
  ctx: CoreContext,
  userId: string,
  viewerId: string,
): Promise<(PublicProfile | PrivateProfile) & { standing: BoardStanding }> {
  const [user, standing] = await Promise.all([getUser(ctx, userId), boardStanding(ctx, userId)]);
  const profile = viewerId === userId ? privateProfile(user, ctx) : publicProfile(user);
  return { ...profile, standing };
}

export const usernamePattern = /^[A-Za-z0-9_]{3,50}$/;
/** What {@link usernamePattern} asks for, as a refusal says it. */
export const usernameRule = "must be 3 to 50 letters, digits or underscores";

/**
 * Applies a `PATCH /users/me`: the fields given change (today only `username`);
 * with none given it changes nothing and answers the profile as it is.
 */
export async function updateProfile(
  ctx: CoreContext,
  userId: string,
  changes: { username?: string | undefined },
): Promise<UserItem> {
  if (changes.username === undefined) return getUser(ctx, userId);
  return changeUsername(ctx, userId, changes.username);
}

/**
 * Renames a user. The new name's guard is claimed and the old one released in
 * the same transaction as the change, so names stay unique under races.
 */
export async function changeUsername(
  ctx: CoreContext,
  userId: string,
  username: string,
): Promise<UserItem> {
  if (!usernamePattern.test(username)) {
    throw new ValidationFailed("Invalid username", {
      username: usernameRule,
    });
  }
  const user = await getUser(ctx, userId);
  if (isReservedUsername(username)) throw new UsernameTaken();
  const now = ctx.clock().toISOString();
  const oldKey = usernameKey(user.username ?? "");
  const newKey = usernameKey(username);
  const service = serviceFor(ctx.db);

  const result = await service.transaction
    .write(({ user: users, uniqueUsername, userSearchKey }) => [
      users.patch({ userId }).set({ username, updatedAt: now }).commit(),
      userSearchKey.put({ userId, email: user.email, username }).commit(),
      ...(oldKey === newKey
        ? []
        : [
            uniqueUsername.create({ username: newKey, userId }).commit(),
            ...(oldKey
              ? [
                  uniqueUsername
                    .delete({ username: oldKey })
                    .where((guard, { eq }) => eq(guard.userId, userId))
                    .commit(),
                ]
              : []),
          ]),
    ])
    .go();
  if (result.canceled) {
    const reasons = cancellationReasons(result);
    if (reasons[2]?.code === conditionFailed) throw new UsernameTaken();
    if (reasons[0]?.code === conditionFailed) throw new UserNotFound(userId);
    throw new TransactionCancelled("Rename", reasons);
  }
  return { ...user, username, updatedAt: now };
}

/** The account of an email address (through its uniqueness guard, consistently), or null. */
export async function findUserByEmail(
  ctx: AccountsContext,
  email: string,
): Promise<UserItem | null> {
  const { data: guard } = await serviceFor(ctx.db)
    .entities.uniqueEmail.get({ email: normalizeEmail(email) })
    .go({ consistent: true });
  return guard ? findUser(ctx, guard.userId) : null;
}
