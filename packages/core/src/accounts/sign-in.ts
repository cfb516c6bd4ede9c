import { issueAccessToken } from "../auth/access-token";
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
 * A new sign-in (not a prediction session): a fresh refresh-token family, whose
 * id the access tokens carry as `sid`, and an access token.
 */
export async function signIn(ctx: AccountsContext, user: UserItem): Promise<TokenPair> {
  const familyId = ctx.newId();
  const refreshToken = await createRefreshToken(ctx, user.userId, familyId);
  return { accessToken: await accessTokenFor(ctx, user, familyId), refreshToken };
}

/**
 * Trades a refresh token for a new pair. The presented token is marked rotated
 * in the same transaction that stores its successor; presenting a rotated token
 * again means it was stolen or replayed, so its whole family is revoked.
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
    await revokeFamily(ctx, token.userId, token.familyId);
    throw new InvalidRefreshToken("reused");
  }
  if (token.status === "revoked") throw new InvalidRefreshToken("revoked");
  if (Date.parse(token.expiresAt) <= ctx.clock().getTime())
    throw new InvalidRefreshToken("expired");
  const user = await findUser(ctx, token.userId);
  if (!user) throw new InvalidRefreshToken("no user");

  const next = newOpaqueToken();
  const result = await service.transaction
    .write(({ refreshToken }) => [
      refreshToken
        .patch({ tokenHash })
        .set({ status: "rotated" })
        .where((item, { eq }) => eq(item.status, "active"))
        .commit(),
      refreshToken.create(refreshTokenItem(ctx, user.userId, token.familyId, next)).commit(),
    ])
    .go();
  if (result.canceled) {
    // Two clients rotated the same token at once: one of them holds a copy.
    await revokeFamily(ctx, token.userId, token.familyId);
    throw new InvalidRefreshToken("concurrent reuse");
  }
  return { accessToken: await accessTokenFor(ctx, user, token.familyId), refreshToken: next };
}

/**
 * Ends the sign-in the presented refresh token belongs to, if it is the
 * caller's (unknown tokens are ignored): its refresh tokens are revoked, and
 * its access tokens stop working (the sign-in is listed as ended on the user).
 */
export async function logout(ctx: CoreContext, userId: string, presented: string): Promise<void> {
  const entity = serviceFor(ctx.db).entities.refreshToken;
  const tokenHash = hashToken(presented);
  const { data: token } = await entity.get({ tokenHash }).go({ consistent: true });
  if (!token || token.userId !== userId) return;
  await revokeFamily(ctx, userId, token.familyId);
  await endSignIn(ctx, userId, token.familyId);
}

/** Lists a sign-in as ended until its last access token has expired; drops older entries. */
async function endSignIn(ctx: CoreContext, userId: string, familyId: string): Promise<void> {
  const user = await findUser(ctx, userId);
  if (!user) return;
  const now = epochSeconds(ctx.clock());
  const live = (user.endedSignIns ?? []).filter((entry) => Number(entry.split("@")[1]) > now);
  const until = now + ctx.config.ACCESS_TOKEN_TTL_SECONDS + 60;
  await serviceFor(ctx.db)
    .entities.user.patch({ userId })
    .set({ endedSignIns: [...live, `${familyId}@${until}`] })
    .go();
  forgetTokenState(ctx.db, userId);
}

/** Revokes every refresh token of a user (password change or reset). */
export async function revokeAllRefreshTokens(ctx: CoreContext, userId: string): Promise<number> {
  const { data } = await serviceFor(ctx.db)
    .entities.refreshToken.query.byUser({ userId })
    .go({ pages: "all" });
  return revoke(ctx, data);
}

async function revokeFamily(ctx: CoreContext, userId: string, familyId: string): Promise<number> {
  const { data } = await serviceFor(ctx.db)
    .entities.refreshToken.query.byUser({ userId, familyId })
    .go({ pages: "all" });
  return revoke(ctx, data);
}

async function revoke(
  ctx: CoreContext,
  tokens: { tokenHash: string; status: string }[],
): Promise<number> {
  const entity = serviceFor(ctx.db).entities.refreshToken;
  const live = tokens.filter((token) => token.status !== "revoked");
  await Promise.all(
    live.map((token) =>
      entity.patch({ tokenHash: token.tokenHash }).set({ status: "revoked" }).go(),
    ),
  );
  return live.length;
}

async function createRefreshToken(
  ctx: CoreContext,
  userId: string,
  familyId: string,
): Promise<string> {
  const token = newOpaqueToken();
  await serviceFor(ctx.db)
    .entities.refreshToken.create(refreshTokenItem(ctx, userId, familyId, token))
    .go();
  return token;
}

function refreshTokenItem(ctx: CoreContext, userId: string, familyId: string, token: string) {
  const now = ctx.clock();
  const expires = new Date(now.getTime() + ctx.config.REFRESH_TOKEN_TTL_SECONDS * 1000);
  return {
    tokenHash: hashToken(token),
    userId,
    familyId,
    status: "active" as const,
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

function accessTokenFor(ctx: AccountsContext, user: UserItem, signInId: string): Promise<string> {
  return issueAccessToken(
    ctx.keys,
    {
      userId: user.userId,
      role: effectiveRole(ctx, user),
      generation: user.tokenGeneration ?? 0,
      signInId,
    },
    ctx.clock(),
    ctx.config.ACCESS_TOKEN_TTL_SECONDS,
  );
}
