import type { MiddlewareHandler } from "hono";

/**
 * How long a shared cache (the CloudFront edge, `infra/edge.ts`) keeps the
 * anonymous public reads the PRD caches. The stacks size their cache policies
 * from these, so the app and the edge agree on one number.
 */
export const edgeCacheSeconds = { markets: 60, leaderboard: 300 } as const;

/** Never kept anywhere: tokens, personal data, errors, writes. */
export const noStore = "no-store";
/** Public data read by a signed-in caller: the browser may keep it, revalidated every time; no shared cache. */
export const privateRevalidate = "private, no-cache";
/** Public data that changes: any cache may keep it but must ask again before each use. */
export const revalidate = "no-cache";

/**
 * Route groups (first path segment under the API base) whose answers carry
 * tokens or someone's own data: login and refresh, `/users/me`,
 * `/transactions/me`, bets, rewards, sessions, quota, the admin console, the
 * dev outbox. Everything under them is `no-store`, whoever asks.
 */
const personalGroups = new Set(["auth", "transactions", "bets", "rewards", "admin", "dev"]);
/** Personal paths inside otherwise public groups. */
const personalPaths = [/^\/users\/me(\/|$)/, /^\/predictions\/(sessions|quota)(\/|$)/];

export interface CachedRequest {
  method: string;
  /** The path under the API base: `/markets/m1`. */
  path: string;
  query: URLSearchParams;
  /** The request carries an `Authorization` header (valid or not). */
  authenticated: boolean;
}

/**
 * The app's `Cache-Control` policy, one rule per line, first match wins:
 * writes, errors and personal data are `no-store`; a signed-in caller's other
 * reads are `private`; anonymous markets (60 s) and leaderboards (300 s, not
 * `around=me`) are public; every other anonymous read is revalidated.
 */
export function cacheControlFor(request: CachedRequest, status: number): string {
  const { method, path, query, authenticated } = request;
  if (method !== "GET" && method !== "HEAD") return noStore;
  if (status < 200 || status >= 300) return noStore;
  const group = path.split("/")[1] ?? "";
  if (personalGroups.has(group) || personalPaths.some((pattern) => pattern.test(path))) {
    return noStore;
  }
  if (group === "leaderboard" && query.has("around")) return noStore;
  if (authenticated) return privateRevalidate;
  if (group === "markets") return `public, max-age=${edgeCacheSeconds.markets}`;
  if (group === "leaderboard") return `public, max-age=${edgeCacheSeconds.leaderboard}`;
  return revalidate;
}

/**
 * Sets `Cache-Control` on every API response by `cacheControlFor`, unless the
 * handler chose its own (the docs UI's bundled assets).
 */
export function apiCacheControl(apiBase: string): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.res.headers.has("cache-control")) return;
    const url = new URL(c.req.url);
    const request: CachedRequest = {
      method: c.req.method,
      path: url.pathname.slice(apiBase.length) || "/",
      query: url.searchParams,
      authenticated: c.req.header("authorization") !== undefined,
    };
    c.header("Cache-Control", cacheControlFor(request, c.res.status));
  };
}
