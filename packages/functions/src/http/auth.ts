import { assertTokenLive } from "@market/core/accounts";
import { verifyAccessToken } from "@market/core/auth/access-token";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./env";
import { errorResponse } from "./errors";

/** Requires `Authorization: Bearer <access token>` and exposes the caller as `c.var.caller`. */
export const requireUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header("authorization") ?? "";
  const [scheme, token] = header.split(" ");
  if (scheme?.toLowerCase() !== "bearer" || !token) {
    c.header("WWW-Authenticate", 'Bearer realm="credits-market"');
    return errorResponse(c, 401, "UNAUTHORIZED", "Sign in first: missing bearer token");
  }
  const { keys, clock } = c.var.core;
  // An invalid or revoked token throws InvalidToken, which onError answers with 401.
  const claims = await verifyAccessToken(keys, token, clock());
  await assertTokenLive(c.var.core, claims);
  c.set("caller", { userId: claims.userId, role: claims.role });
  await next();
};

/** The one guard of every admin route: a valid token whose role is admin, else 403. */
export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  let admin = false;
  const unauthenticated = await requireUser(c, async () => {
    admin = c.var.caller.role === "admin";
    if (admin) await next();
  });
  if (unauthenticated) return unauthenticated;
  if (!admin) return errorResponse(c, 403, "FORBIDDEN", "This needs an admin account");
};

/** Like `requireUser` when a token is sent; anonymous callers pass without `caller`. */
export const optionalUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.req.header("authorization")) return next();
  return requireUser(c, next);
};
