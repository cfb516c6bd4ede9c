import { assertTokenLive, cachedTokenCheck, tokenLiveFor } from "@market/core/accounts";
import { recordActivity, rememberActive } from "@market/core/analytics";
import { verifyAccessToken } from "@market/core/auth";
import type { RateLimitName } from "@market/core/limits";
import type { Context, MiddlewareHandler, Next } from "hono";
import { logger } from "../logger";
import { clientIp, ipSubject } from "./client-ip";
import type { AppEnv } from "./env";
import { errorResponse } from "./errors";
import { answersWith, forbidden, guardResponses, unauthorized } from "./guard-responses";
import { perUser } from "./limits";
import { rateLimit } from "./rate-limit";

/**
 * Requires `Authorization: Bearer <access token>` and exposes the caller as
 * `c.var.caller`, without the general per-user request limit: only for routes
 * whose own per-user limit is counted in their transaction (placing a bet,
 * starting a prediction session).
 */
export const requireUserOwnLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
  const claims = await bearerClaims(c);
  if (claims instanceof Response) return claims;
  // The role is the stored one (read with the revocation state), not the
  // token's claim: a demoted admin's next request is a user's.
  const { role } = await assertTokenLive(c.var.core, claims);
  c.set("caller", { userId: claims.userId, role });
  await markActive(c, claims.userId);
  await next();
};
answersWith(requireUserOwnLimit, { 401: unauthorized });

/**
 * Like `requireUserOwnLimit`, for a money path whose operation reads its user
 * consistently before it writes (a bet, the daily reward, a session start):
 * with no fresh copy of the token's state in this process, the handler passes
 * `c.var.caller.checkOnRead` to the operation, which judges the token by that
 * read (`tokenLiveFor`), so the request costs no read of its own. Its credit
 * movement marks the user active today (the ledger's user update), so only a
 * refused request marks it here. Money paths act alike for every role.
 */
export const requireUserCheckedOnRead: MiddlewareHandler<AppEnv> = async (c, next) => {
  const claims = await bearerClaims(c);
  if (claims instanceof Response) return claims;
  const { core } = c.var;
  const cached = cachedTokenCheck(core, claims);
  let judged = cached !== undefined;
  c.set("caller", {
    userId: claims.userId,
    role: cached?.role ?? "user",
    checkOnRead: cached
      ? undefined
      : (user) => {
          tokenLiveFor(core, claims, user);
          judged = true;
        },
  });
  await next();
  if (c.res.status < 300 && !judged) {
    // A handler that did not pass `checkOnRead` on: a bug the money-route tests catch.
    logger.error("money route answered without judging the token", { path: c.req.path });
  }
  if (c.res.status < 300) rememberActive(core, claims.userId);
  // Refused after the token was judged (not bad input the operation never read the user for).
  else if (judged) await markActive(c, claims.userId);
};
answersWith(requireUserCheckedOnRead, { 401: unauthorized });

/** The verified claims of the request's bearer token, or the 401 to answer without one. */
async function bearerClaims(c: Context<AppEnv>) {
  const header = c.req.header("authorization") ?? "";
  const [scheme, token] = header.split(" ");
  if (scheme?.toLowerCase() !== "bearer" || !token) {
    c.header("WWW-Authenticate", 'Bearer realm="credits-market"');
    return errorResponse(c, 401, "UNAUTHORIZED", "Sign in first: missing bearer token");
  }
  const { keys, clock } = c.var.core;
  // An invalid or revoked token throws InvalidToken, which onError answers with 401.
  return verifyAccessToken(keys, token, clock());
}

/** The first request of the day counts the user in DAU; analytics never fails a request. */
async function markActive(c: Context<AppEnv>, userId: string): Promise<void> {
  await recordActivity(c.var.core, userId).catch((error: unknown) =>
    logger.warn("activity not recorded", { userId, error }),
  );
}

const requestsPerUser = perUser("requests");

/**
 * Requires a valid access token (`c.var.caller`) and counts the request against
 * the caller's general limit (`REQUESTS_PER_USER_PER_MINUTE`); a full window is
 * a 429 before the handler runs, so nothing is charged.
 */
export const requireUser: MiddlewareHandler<AppEnv> = (c, next) =>
  withCaller(c, requestsPerUser, next);
answersWith(requireUser, guardResponses([requireUserOwnLimit, requestsPerUser]));

/** `then` after a valid token (401 without one); answers with whichever refused. */
async function withCaller(
  c: Context<AppEnv>,
  then: MiddlewareHandler<AppEnv>,
  next: Next,
): Promise<Response | undefined> {
  let refused: Response | undefined;
  const unauthenticated = await requireUserOwnLimit(c, async () => {
    refused = (await then(c, next)) ?? undefined;
  });
  return unauthenticated ?? refused;
}

/**
 * The one guard of every admin route: a valid token whose owner is an admin as
 * stored now (cached at most `TOKEN_STATE_CACHE_SECONDS`), else 403.
 */
export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  let admin = false;
  const unauthenticated = await requireUser(c, async () => {
    admin = c.var.caller.role === "admin";
    if (admin) await next();
  });
  if (unauthenticated) return unauthenticated;
  if (!admin) return errorResponse(c, 403, "FORBIDDEN", "This needs an admin account");
};
answersWith(requireAdmin, { ...guardResponses([requireUser]), 403: forbidden });

/** Like `requireUser` when a token is sent; anonymous callers pass without `caller`. */
export const optionalUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.req.header("authorization")) return next();
  return requireUser(c, next);
};
answersWith(optionalUser, guardResponses([requireUser]));

/**
 * For a route open to everyone with a limit of its own (analytics events): a
 * sent token must be valid (else 401) and the request counts against `rule`
 * per user; without one, per client IP. One counter either way, not the
 * general per-user limit as well.
 */
export function perUserOrIp(rule: RateLimitName): MiddlewareHandler<AppEnv> {
  const limit = rateLimit<AppEnv>(rule, (c) =>
    c.get("caller")
      ? `user:${c.var.caller.userId}`
      : ipSubject(clientIp(c, { trustForwardedFor: c.var.core.config.TRUST_FORWARDED_FOR })),
  );
  const guard: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (!c.req.header("authorization")) return limit(c, next);
    return withCaller(c, limit, next);
  };
  return answersWith(guard, guardResponses([requireUserOwnLimit, limit]));
}
