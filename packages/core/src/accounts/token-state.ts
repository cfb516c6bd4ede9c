import type { AccessTokenClaims } from "../auth/access-token";
import { InvalidToken } from "../auth/access-token";
import type { CoreContext } from "../context";
import { type Db, perTable } from "../db";
import type { UserItem } from "../entities/user";
import { findUser } from "./profile";
import { effectiveRole } from "./sign-in";

/**
 * Access-token revocation and the caller's authority. A token names its user's
 * `tokenGeneration` (`gen`) and its sign-in (`sid`); it stops working once the
 * user's generation moved on (password change or reset, role change, sign-out
 * everywhere) or its sign-in was ended (logout, reuse detection). The role a
 * request acts with is the stored one (`effectiveRole`), not the token's claim,
 * so a demotion counts within the same few seconds.
 *
 * Each process keeps the state it last read per user for
 * `TOKEN_STATE_CACHE_SECONDS` (default 5): at most one extra consistent GetItem
 * of the user (1 RCU) per active user per 5 s per process (Lambda instance).
 * Revocation is immediate in the process that revoked and reaches the others
 * within those seconds.
 */
interface TokenState {
  userId: string;
  generation: number;
  ended: ReadonlySet<string>;
  role: UserItem["role"];
  readAtMs: number;
}

/** What a live token may do: the caller's role as stored now. */
export interface LiveToken {
  role: UserItem["role"];
}

const cacheOf = perTable(() => new Map<string, TokenState>());
/** Beyond this many cached users a process starts afresh (bounded memory). */
const maxCachedUsers = 50_000;

function stateOf(ctx: CoreContext, user: UserItem, nowMs: number): TokenState {
  return {
    userId: user.userId,
    generation: user.tokenGeneration ?? 0,
    ended: new Set((user.endedSignIns ?? []).map((entry) => entry.split("@")[0] as string)),
    role: effectiveRole(ctx, user),
    readAtMs: nowMs,
  };
}

async function readState(ctx: CoreContext, userId: string, nowMs: number): Promise<TokenState> {
  const user = await findUser(ctx, userId);
  if (!user) throw new InvalidToken("no such user");
  return remember(ctx, stateOf(ctx, user, nowMs));
}

function remember(ctx: CoreContext, state: TokenState): TokenState {
  const users = cacheOf(ctx.db);
  if (users.size >= maxCachedUsers) users.clear();
  users.set(state.userId, state);
  return state;
}

/**
 * Throws `InvalidToken` (401) when the token's generation or sign-in was
 * revoked; else returns the caller's stored role.
 */
export async function assertTokenLive(
  ctx: CoreContext,
  claims: AccessTokenClaims,
): Promise<LiveToken> {
  return (
    cachedTokenCheck(ctx, claims) ?? judge(claims, await readState(ctx, claims.userId, Date.now()))
  );
}

/**
 * The same judgement from this process's copy alone, without I/O: the live
 * token's role, a throw when the copy revokes it, or undefined when there is
 * no fresh copy to judge by (the caller reads the user: `assertTokenLive`, or
 * `tokenLiveFor` on a read the request makes anyway).
 */
export function cachedTokenCheck(
  ctx: CoreContext,
  claims: AccessTokenClaims,
): LiveToken | undefined {
  const state = cacheOf(ctx.db).get(claims.userId);
  if (!state || Date.now() - state.readAtMs >= ctx.config.TOKEN_STATE_CACHE_SECONDS * 1000) {
    return undefined;
  }
  // Issued after this copy was read (a sign-in after a password change elsewhere).
  if ((claims.generation ?? 0) > state.generation) return undefined;
  return judge(claims, state);
}

/**
 * Judges the token by a consistent read of its user that an operation makes
 * anyway (a money path's first read, through its `CallerCheck`), so the request
 * needs no read of its own; the state read is kept as this process's copy.
 */
export function tokenLiveFor(
  ctx: CoreContext,
  claims: AccessTokenClaims,
  user: UserItem | null,
): LiveToken {
  if (!user || user.userId !== claims.userId) throw new InvalidToken("no such user");
  return judge(claims, remember(ctx, stateOf(ctx, user, Date.now())));
}

function judge(claims: AccessTokenClaims, state: TokenState): LiveToken {
  if ((claims.generation ?? 0) !== state.generation) throw new InvalidToken("revoked generation");
  if (claims.signInId && state.ended.has(claims.signInId)) throw new InvalidToken("signed out");
  return { role: state.role };
}

/**
 * What a money path (a bet, the daily reward, a session start) calls with the
 * user it has just read consistently, before it writes anything: the route's
 * token judged by that read (`tokenLiveFor`). Throws `InvalidToken` to refuse.
 */
export type CallerCheck = (user: UserItem | null) => void;

/** Forgets this process's copy of a user's state, right after it changed. */
export function forgetTokenState(db: Db, userId: string): void {
  cacheOf(db).delete(userId);
}
