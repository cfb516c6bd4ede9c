import type { AccessTokenClaims } from "../auth/access-token";
import { InvalidToken } from "../auth/access-token";
import type { CoreContext } from "../context";
import type { Db } from "../db";
import type { UserItem } from "../entities/user";
import { findUser } from "./profile";

/**
 * Access-token revocation. A token names its user's `tokenGeneration` (`gen`)
 * and its sign-in (`sid`); it stops working once the user's generation moved
 * on (password change or reset) or its sign-in was ended (logout).
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
  readAtMs: number;
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

function stateOf(user: UserItem, nowMs: number): TokenState {
  return {
    generation: user.tokenGeneration ?? 0,
    ended: new Set((user.endedSignIns ?? []).map((entry) => entry.split("@")[0] as string)),
    readAtMs: nowMs,
  };
}

/** Throws `InvalidToken` (401) when the token's generation or sign-in was revoked. */
export async function assertTokenLive(ctx: CoreContext, claims: AccessTokenClaims): Promise<void> {
  const users = cacheOf(ctx.db);
  const nowMs = Date.now();
  let state = users.get(claims.userId);
  if (!state || nowMs - state.readAtMs >= ctx.config.TOKEN_STATE_CACHE_SECONDS * 1000) {
    const user = await findUser(ctx, claims.userId);
    if (!user) throw new InvalidToken("no such user");
    state = stateOf(user, nowMs);
    if (users.size >= maxCachedUsers) users.clear();
    users.set(claims.userId, state);
  }
  if ((claims.generation ?? 0) !== state.generation) throw new InvalidToken("revoked generation");
  if (claims.signInId && state.ended.has(claims.signInId)) throw new InvalidToken("signed out");
}

/** Forgets this process's copy of a user's state, right after it changed. */
export function forgetTokenState(db: Db, userId: string): void {
  cacheOf(db).delete(userId);
}
