import type { AccessTokenClaims } from "../auth/access-token";
import { InvalidToken } from "../auth/access-token";
import type { CoreContext } from "../context";
import type { Db } from "../db";
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
  generation: number;
  ended: ReadonlySet<string>;
  role: UserItem["role"];
  readAtMs: number;
}

/** What a live token may do: the caller's role as stored now. */
export interface LiveToken {
  role: UserItem["role"];
}

const cache = new WeakMap<Db, Map<string, TokenState>>();
/** Beyond this many cached users a process starts afresh (bounded memory). */
const maxCachedUsers = 50_000;

function cacheOf(db: Db): Map<string, TokenState> {
  let users = cache.get(db);
  if (!users) {
    users = new Map();
    cache.set(db, users);
  }
  return users;
}

function stateOf(ctx: CoreContext, user: UserItem, nowMs: number): TokenState {
  return {
    generation: user.tokenGeneration ?? 0,
    ended: new Set((user.endedSignIns ?? []).map((entry) => entry.split("@")[0] as string)),
    role: effectiveRole(ctx, user),
    readAtMs: nowMs,
  };
}

async function readState(ctx: CoreContext, userId: string, nowMs: number): Promise<TokenState> {
  const user = await findUser(ctx, userId);
  if (!user) throw new InvalidToken("no such user");
  const state = stateOf(ctx, user, nowMs);
  const users = cacheOf(ctx.db);
  if (users.size >= maxCachedUsers) users.clear();
  users.set(userId, state);
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
  const nowMs = Date.now();
  let state = cacheOf(ctx.db).get(claims.userId);
  if (!state || nowMs - state.readAtMs >= ctx.config.TOKEN_STATE_CACHE_SECONDS * 1000) {
    state = await readState(ctx, claims.userId, nowMs);
  } else if ((claims.generation ?? 0) > state.generation) {
    // Issued after this copy was read (a sign-in after a password change elsewhere).
    state = await readState(ctx, claims.userId, nowMs);
  }
  if ((claims.generation ?? 0) !== state.generation) throw new InvalidToken("revoked generation");
  if (claims.signInId && state.ended.has(claims.signInId)) throw new InvalidToken("signed out");
  return { role: state.role };
}

/** Forgets this process's copy of a user's state, right after it changed. */
export function forgetTokenState(db: Db, userId: string): void {
  cacheOf(db).delete(userId);
}
