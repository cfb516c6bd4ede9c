import { issueAccessToken } from "../auth/access-token";
import {
  cancellationReasons,
  conditionFailed,
  ignoreConditionFailed,
  TransactionCancelled,
  writeRetryingConflicts,
} from "../conditions";
import type { CoreContext } from "../context";
import type { UserItem } from "../entities/user";
import { serviceFor } from "../service";
import type { AccountsContext } from "./context";
import { InvalidRefreshToken } from "./errors";
import { findUser } from "./profile";
import { epochSeconds, hashToken, newOpaqueToken } from "./secrets";
import { forgetTokenState } from "./token-state";

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

/**
 * A new sign-in (not a prediction session): a `SignIn` at generation 0 and the
 * first token of its refresh family, which carries that generation and the
 * user's `tokenGeneration` as read here (a password change in between leaves
 * the token already dead); the access tokens carry the sign-in's id as `sid`.
 */
export async function signIn(ctx: AccountsContext, user: UserItem): Promise<TokenPair> {
  const signInId = ctx.newId();
  const userGeneration = user.tokenGeneration ?? 0;
  const token = newOpaqueToken();
  const item = refreshTokenItem(ctx, { userId: user.userId, signInId, userGeneration }, token);
  const result = await serviceFor(ctx.db)
    .transaction.write(({ signIn: signIns, refreshToken }) => [
      signIns
        .create({
          signInId,
          userId: user.userId,
          generation: 0,
          createdAt: item.createdAt,
          ttl: item.ttl,
        })
        .commit(),
      refreshToken.create(item).commit(),
    ])
    .go();
  if (result.canceled) throw new TransactionCancelled("Sign-in", cancellationReasons(result));
  return {
    accessToken: await accessTokenFor(ctx, user, { signInId, generation: userGeneration }),
    refreshToken: token,
  };
}

/**
 * Trades a refresh token for a new pair. One transaction marks the presented
 * token rotated, stores its successor, and commits only while the user's
 * `tokenGeneration` and the sign-in's generation are still the ones the token
 * was issued under (DynamoDB checks both items inside the transaction), so a
 * password change, reset, role change, sign-out everywhere or logout that
 * commits first leaves nothing to rotate, and one that commits after has raised
 * a generation the successor names too. Presenting a rotated token again means
 * it was stolen or replayed: its sign-in ends.
 */
export async function rotateRefreshToken(
  ctx: AccountsContext,
  presented: string,
): Promise<TokenPair> {
  const service = serviceFor(ctx.db);
  const tokenHash = hashToken(presented);
  const { data: token } = await service.entities.refreshToken
    .get({ tokenHash })
    .go({ consistent: true });
  if (!token) throw new InvalidRefreshToken("unknown");
  if (token.status === "rotated") {
    await endSignIn(ctx, token.userId, token.familyId);
    throw new InvalidRefreshToken("reused");
  }
  if (token.status === "revoked") throw new InvalidRefreshToken("revoked");
  if (Date.parse(token.expiresAt) <= ctx.clock().getTime())
    throw new InvalidRefreshToken("expired");
  const { signInGeneration, userGeneration } = token;
  // Stored before sign-ins had generations: nothing can prove it is still live.
  if (signInGeneration === undefined || userGeneration === undefined) {
    throw new InvalidRefreshToken("issued before sign-in generations");
  }
  // Strongly consistent, for the role the new access token carries; the
  // transaction below checks the generation again where it counts.
  const user = await findUser(ctx, token.userId);
  if (!user) throw new InvalidRefreshToken("no user");
  if ((user.tokenGeneration ?? 0) !== userGeneration) throw new InvalidRefreshToken("revoked");

  const next = newOpaqueToken();
  const item = refreshTokenItem(
    ctx,
    { userId: user.userId, signInId: token.familyId, userGeneration, signInGeneration },
    next,
  );
  const result = await writeRetryingConflicts(() =>
    service.transaction
      .write(({ refreshToken, user: users, signIn: signIns }) => [
        refreshToken
          .patch({ tokenHash })
          .set({ status: "rotated" })
          .where((attr, { eq }) => eq(attr.status, "active"))
          .commit(),
        refreshToken.create(item).commit(),
        users
          .check({ userId: user.userId })
          .where((attr, { eq, notExists }) =>
            userGeneration === 0
              ? `(${notExists(attr.tokenGeneration)} OR ${eq(attr.tokenGeneration, 0)})`
              : eq(attr.tokenGeneration, userGeneration),
          )
          .commit(),
        signIns
          .patch({ signInId: token.familyId })
          .set({ ttl: item.ttl })
          .where((attr, { eq }) => eq(attr.generation, signInGeneration))
          .commit(),
      ])
      .go(),
  );
  if (result.canceled) {
    const [presentedReason, , userReason, signInReason] = cancellationReasons(result);
    if (presentedReason?.code === conditionFailed) {
      // Two clients rotated the same token at once: one of them holds a copy.
      await endSignIn(ctx, token.userId, token.familyId);
      throw new InvalidRefreshToken("concurrent reuse");
    }
    if (userReason?.code === conditionFailed || signInReason?.code === conditionFailed) {
      throw new InvalidRefreshToken("revoked");
    }
    throw new TransactionCancelled("Refresh-token rotation", cancellationReasons(result));
  }
  return {
    accessToken: await accessTokenFor(ctx, user, {
      signInId: token.familyId,
      generation: userGeneration,
    }),
    refreshToken: next,
  };
}

/**
 * Ends the sign-in the presented refresh token belongs to, if it is the
 * caller's (unknown tokens are ignored): its refresh tokens and its access
 * tokens stop working.
 */
export async function logout(ctx: CoreContext, userId: string, presented: string): Promise<void> {
  const entity = serviceFor(ctx.db).entities.refreshToken;
  const tokenHash = hashToken(presented);
  const { data: token } = await entity.get({ tokenHash }).go({ consistent: true });
  if (!token || token.userId !== userId) return;
  await endSignIn(ctx, userId, token.familyId);
}

/**
 * Ends one sign-in for good: its generation moves on (every refresh token of
 * the family, even one a racing rotation is creating now, names the old one),
 * then it is listed on the user until its last access token has expired.
 */
export async function endSignIn(ctx: CoreContext, userId: string, signInId: string): Promise<void> {
  // `update` (not `patch`): a family from before sign-in generations gets an
  // item whose generation no token of it names.
  await serviceFor(ctx.db).entities.signIn.update({ signInId }).add({ generation: 1 }).go();
  await listEndedSignIn(ctx, userId, signInId);
}

/** Tries to list a sign-in as ended this often when other writers of the list race us. */
const maxListAttempts = 8;

/**
 * Lists a sign-in as ended until its last access token has expired, dropping
 * entries past theirs. The write is conditioned on `endedSignInsVersion`, so
 * two logouts at once never lose one another's entry.
 */
async function listEndedSignIn(ctx: CoreContext, userId: string, signInId: string) {
  const users = serviceFor(ctx.db).entities.user;
  for (let attempt = 1; ; attempt += 1) {
    const user = await findUser(ctx, userId);
    if (!user) return;
    const now = epochSeconds(ctx.clock());
    const live = (user.endedSignIns ?? []).filter((entry) => Number(entry.split("@")[1]) > now);
    // A minute past the lifetime: an access token minted by a rotation that
    // committed just before the sign-in ended is covered too.
    const until = now + ctx.config.ACCESS_TOKEN_TTL_SECONDS + 60;
    const version = user.endedSignInsVersion;
    try {
      await users
        .patch({ userId })
        .set({ endedSignIns: [...live, `${signInId}@${until}`] })
        .add({ endedSignInsVersion: 1 })
        .where((attr, { eq, notExists }) =>
          version === undefined
            ? notExists(attr.endedSignInsVersion)
            : eq(attr.endedSignInsVersion, version),
        )
        .go();
      break;
    } catch (error) {
      ignoreConditionFailed(error);
      if (attempt >= maxListAttempts) throw error;
    }
  }
  forgetTokenState(ctx.db, userId);
}

/**
 * Ends every sign-in of a user at once (password change or reset, role change,
 * sign-out everywhere): one ADD to the user's `tokenGeneration`, which every
 * refresh and access token of theirs names. Nothing is listed, so nothing can
 * be missed.
 */
export async function signOutEverywhere(ctx: CoreContext, userId: string): Promise<void> {
  await serviceFor(ctx.db)
    .entities.user.patch({ userId })
    .add({ tokenGeneration: 1 })
    .set({ updatedAt: ctx.clock().toISOString() })
    .go();
  forgetTokenState(ctx.db, userId);
}

function refreshTokenItem(
  ctx: CoreContext,
  owner: { userId: string; signInId: string; userGeneration: number; signInGeneration?: number },
  token: string,
) {
  const now = ctx.clock();
  const expires = new Date(now.getTime() + ctx.config.REFRESH_TOKEN_TTL_SECONDS * 1000);
  return {
    tokenHash: hashToken(token),
    userId: owner.userId,
    familyId: owner.signInId,
    status: "active" as const,
    signInGeneration: owner.signInGeneration ?? 0,
    userGeneration: owner.userGeneration,
    createdAt: now.toISOString(),
    expiresAt: expires.toISOString(),
    // Kept a day past expiry so a late replay is still recognised as one.
    ttl: epochSeconds(expires) + 24 * 60 * 60,
  };
}

/**
 * The role a sign-in gets, derived afresh each time from the current settings:
 * admin when an operator promoted the account (`npm run promote-admin`), or when
 * its email is listed in ADMIN_EMAILS *and verified*. Delisting an email takes
 * the role away at the next sign-in or refresh.
 */
export function effectiveRole(ctx: CoreContext, user: UserItem): UserItem["role"] {
  const listed = user.email !== undefined && ctx.config.ADMIN_EMAILS.includes(user.email);
  return user.role === "admin" || (listed && Boolean(user.emailVerifiedAt)) ? "admin" : "user";
}

function accessTokenFor(
  ctx: AccountsContext,
  user: UserItem,
  signIn: { signInId: string; generation: number },
): Promise<string> {
  return issueAccessToken(
    ctx.keys,
    {
      userId: user.userId,
      role: effectiveRole(ctx, user),
      generation: signIn.generation,
      signInId: signIn.signInId,
    },
    ctx.clock(),
    ctx.config.ACCESS_TOKEN_TTL_SECONDS,
  );
}
