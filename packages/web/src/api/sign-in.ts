import createClient from "openapi-fetch";
import { apiOrigin } from "./base";
import { unwrap } from "./errors";
import type { components, paths } from "./schema";

/**
 * The one module that holds the tokens. The access token lives only in memory;
 * the refresh token is kept in localStorage so a reload stays signed in (the
 * strict Content-Security-Policy the SPA is served with keeps foreign scripts
 * out; see docs/decisions/0007-web-app.md). A 401 on an authenticated call
 * triggers one refresh (shared by every call waiting on it) and one retry; a
 * failed refresh ends the sign-in with reason "expired", and the app sends the
 * user to sign-in with a way back. A password change is one more such step:
 * it revokes every token, so every call waits for it (and its sign-in again).
 * A reload that cannot reach the server trusts the stored sign-in (the user id
 * kept beside the refresh token): the app stays signed in, its reads show what
 * failed, and the first call once the server answers refreshes first.
 */

export type PrivateProfile = components["schemas"]["PrivateProfile"];
export type TokenPair = components["schemas"]["TokenPair"];

export type SignInState =
  | { status: "signedIn"; userId: string }
  | { status: "signedOut"; reason: "none" | "loggedOut" | "expired" };

const storageKey = "credits-market.refresh-token";
/** Whose refresh token it is, for a start-up that cannot reach the server. */
const userKey = "credits-market.user-id";
const authPaths = /\/api\/v1\/auth\/(login|register|refresh|password-reset)/;

/** Auth calls go around the retry logic (they are what it uses). */
const plain = createClient<paths>({ baseUrl: apiOrigin });

let accessToken: string | null = null;
let state: SignInState = { status: "signedOut", reason: "none" };
let refreshing: Promise<string | null> | null = null;
/** A password change in flight: from its request until this device is signed in again. */
let changing: Promise<unknown> | null = null;
const listeners = new Set<() => void>();

function setState(next: SignInState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getSignInState(): SignInState {
  return state;
}

function readRefreshToken(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

function readStoredUserId(): string | null {
  try {
    return localStorage.getItem(userKey);
  } catch {
    return null;
  }
}

function writeRefreshToken(token: string | null, userId = ""): void {
  try {
    if (token) localStorage.setItem(storageKey, token);
    else localStorage.removeItem(storageKey);
    if (token && userId) localStorage.setItem(userKey, userId);
    else if (!token) localStorage.removeItem(userKey);
  } catch {
    // Private mode without storage: the sign-in lasts as long as the tab.
  }
}

/** The user id inside an access token (its `sub`), without trusting it for anything else. */
function subjectOf(token: string): string {
  try {
    const payload = JSON.parse(
      atob(token.split(".")[1]?.replace(/-/g, "+").replace(/_/g, "/") ?? ""),
    );
    return typeof payload.sub === "string" ? payload.sub : "";
  } catch {
    return "";
  }
}

/** After sign-up, log-in or a refresh: keep the pair, announce the user. */
export function startSignIn(tokens: TokenPair): void {
  accessToken = tokens.accessToken;
  const userId = subjectOf(tokens.accessToken);
  writeRefreshToken(tokens.refreshToken, userId);
  setState({ status: "signedIn", userId });
}

function endSignIn(reason: "loggedOut" | "expired"): void {
  accessToken = null;
  writeRefreshToken(null);
  if (state.status === "signedIn" || reason === "expired")
    setState({ status: "signedOut", reason });
}

/**
 * Trades the stored refresh token for a new pair, once at a time: concurrent
 * 401s share one refresh, and tabs take turns (Web Locks) so a rotated token
 * is never presented twice. Resolves to the new access token, or null.
 */
export function refreshAccessToken(): Promise<string | null> {
  refreshing ??= (async () => {
    // A password change revokes the stored token and brings its successor: wait for it.
    await changing;
    return withLock(rotate);
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** One refresh, under the lock. */
async function rotate(): Promise<string | null> {
  const refreshToken = readRefreshToken();
  if (!refreshToken) return null;
  try {
    const { data, response } = await plain.POST("/api/v1/auth/refresh", {
      body: { refreshToken },
    });
    if (data) {
      startSignIn(data);
      return data.accessToken;
    }
    if (response.status === 400 || response.status === 401) endSignIn("expired");
    return null;
  } catch {
    // Offline: keep the refresh token for the next try.
    return null;
  }
}

/** Until no refresh and no password change is in flight (their failures are theirs). */
async function tokensSettled(): Promise<void> {
  while (refreshing || changing) await Promise.allSettled([refreshing, changing]);
}

function withLock<T>(run: () => Promise<T>): Promise<T> {
  if (typeof navigator !== "undefined" && navigator.locks) {
    return navigator.locks.request(storageKey, run) as Promise<T>;
  }
  return run();
}

/**
 * At start-up: a stored refresh token signs the user in again. When the server
 * cannot be reached (the token is still stored: a refusal would have dropped
 * it), the stored sign-in is trusted until a call can refresh it.
 */
export async function restoreSignIn(): Promise<void> {
  if (!readRefreshToken()) return;
  await refreshAccessToken();
  const userId = readStoredUserId();
  if (state.status === "signedOut" && readRefreshToken() && userId)
    setState({ status: "signedIn", userId });
}

/** The `fetch` of the API client: adds the access token, refreshes once on a 401. */
export async function authorizedFetch(request: Request): Promise<Response> {
  await tokensSettled();
  // Signed in from storage while the server was unreachable: refresh first.
  if (!accessToken && state.status === "signedIn") await refreshAccessToken();
  const token = accessToken;
  const retry = token ? request.clone() : null;
  if (token) request.headers.set("authorization", `Bearer ${token}`);
  const response = await fetch(request);
  if (response.status !== 401 || !retry || authPaths.test(request.url)) return response;
  // Another call may have refreshed (or the password changed) while this one was in flight.
  await tokensSettled();
  const fresh = accessToken !== token ? accessToken : await refreshAccessToken();
  if (!fresh) {
    endSignIn("expired");
    return response;
  }
  retry.headers.set("authorization", `Bearer ${fresh}`);
  return fetch(retry);
}

/** Logs in; the profile comes back with the tokens. */
export async function logIn(body: { email: string; password: string }) {
  const result = await plain.POST("/api/v1/auth/login", { body });
  if (result.data) startSignIn(result.data);
  return result;
}

export async function register(body: { username: string; email: string; password: string }) {
  const result = await plain.POST("/api/v1/auth/register", { body });
  if (result.data) startSignIn(result.data);
  return result;
}

/**
 * Changes the password, then signs this device in again with it: the change
 * revokes every token, this device's too. Every other call of the app (and
 * every other tab's refresh, through the lock) waits until the new tokens are
 * here, so none of them presents a revoked token and ends the sign-in.
 * Throws `ApiError` when the change is refused (the password is unchanged
 * then); "signInAgain" when it was made but this device could not sign in.
 */
export async function changePassword(input: {
  email: string;
  currentPassword: string;
  newPassword: string;
}): Promise<"signedIn" | "signInAgain"> {
  await tokensSettled();
  const { email, currentPassword, newPassword } = input;
  const change = (token: string | null) =>
    plain.POST("/api/v1/auth/password", {
      body: { currentPassword, newPassword },
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  const run = withLock(async () => {
    let result = await change(accessToken);
    // An expired access token (not a wrong current password): refresh once, then retry.
    if (result.response.status === 401 && result.error?.code === "UNAUTHORIZED") {
      const fresh = await rotate();
      if (fresh) result = await change(fresh);
    }
    unwrap(result);
    try {
      const login = await plain.POST("/api/v1/auth/login", {
        body: { email, password: newPassword },
      });
      if (login.data) {
        startSignIn(login.data);
        return "signedIn" as const;
      }
    } catch {
      // Offline right after the change: the same as a refused sign-in.
    }
    // Changed, but this device could not sign in again: its old tokens are revoked.
    endSignIn("loggedOut");
    return "signInAgain" as const;
  });
  // Others only wait for it; its refusal is the caller's to show.
  changing = run
    .catch(() => undefined)
    .finally(() => {
      changing = null;
    });
  return run;
}

/** Revokes the refresh token on the server, then forgets both tokens here. */
export async function logOut(): Promise<void> {
  const refreshToken = readRefreshToken();
  try {
    if (refreshToken) await api.POST("/api/v1/auth/logout", { body: { refreshToken } });
  } catch {
    // Offline: the token is forgotten here and expires on the server.
  } finally {
    endSignIn("loggedOut");
  }
}

/** The typed API client every page uses (TanStack Query wraps its reads). */
export const api = createClient<paths>({ baseUrl: apiOrigin, fetch: authorizedFetch });

/** Another tab signed out (its refresh token is gone): so does this one. */
if (typeof window !== "undefined") {
  window.addEventListener("storage", (event) => {
    if (event.key === storageKey && event.newValue === null && state.status === "signedIn") {
      accessToken = null;
      setState({ status: "signedOut", reason: "loggedOut" });
    }
  });
}
