import { createRoute, type RouteConfig, type RouteHandler } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { requireAdmin, requireUser, requireUserCheckedOnRead, requireUserOwnLimit } from "./auth";
import type { AppEnv } from "./env";
import { forbidden, guardResponses, unauthorized } from "./guard-responses";
import { errorContent } from "./schemas";

/** A route handler of this app: `const placeBet: AppRouteHandler<typeof routes.placeBet>`. */
export type AppRouteHandler<R extends RouteConfig> = RouteHandler<R, AppEnv>;

const security = [{ bearerAuth: [] }];

/** What a route declares itself; the helpers add the guard, `security` and the guard's errors. */
type OpenRouteConfig = Omit<RouteConfig, "security" | "middleware">;

/** The app's body limit on every API path (`bodyLimit` in app.ts). */
const payloadTooLarge = errorContent("PAYLOAD_TOO_LARGE: the request body is over the API's limit");

/**
 * The route with the responses answered before its handler runs added to the
 * ones it declares, which keep their own descriptions: its middleware's (a
 * limit's 429, a guard's 401 and 403: `guardResponses`) and, when it takes a
 * body, the body limit's 413. Typed as declared: the handler never answers those.
 */
function withGuardResponses<R extends RouteConfig>(route: R): R {
  const bodyLimit = route.request?.body ? { 413: payloadTooLarge } : {};
  return {
    ...route,
    responses: { ...bodyLimit, ...guardResponses(route.middleware), ...route.responses },
  };
}

/**
 * A route without a guard (public, or guarded by its own `middleware`, e.g. a
 * per-IP limit): `security: []` says no token is needed.
 */
export function publicRoute<const R extends Omit<RouteConfig, "security">>(route: R) {
  return createRoute(withGuardResponses({ ...route, security: [] }));
}

/**
 * A route for a signed-in caller: `Authorization: Bearer <access token>`, else 401.
 * The handler reads the caller as `c.var.caller`. `after` runs after the guard,
 * e.g. `[perUser("passwordChangePerUser")]`, which needs the caller.
 */
export function authedRoute<const R extends OpenRouteConfig>(
  route: R,
  options: { after?: MiddlewareHandler<AppEnv>[] } = {},
) {
  return createRoute(
    withGuardResponses({
      ...route,
      security,
      middleware: [requireUser, ...(options.after ?? [])] as const,
      responses: { 401: unauthorized, ...route.responses },
    }),
  );
}

/** A route for an admin: 401 without a valid token, 403 for a caller who is not an admin. */
export function adminRoute<const R extends OpenRouteConfig>(route: R) {
  return createRoute(
    withGuardResponses({
      ...route,
      security,
      middleware: [requireAdmin] as const,
      responses: { 401: unauthorized, 403: forbidden, ...route.responses },
    }),
  );
}

/**
 * Like `authedRoute`, without the general per-user request limit: for routes
 * whose own per-user limit is counted in their transaction (a cash-out, a gift).
 */
export function authedRouteOwnLimit<const R extends OpenRouteConfig>(route: R) {
  return signedInRoute(route, requireUserOwnLimit);
}

/**
 * Like `authedRouteOwnLimit`, for a money path whose operation judges the
 * token by its own first read of the user (`requireUserCheckedOnRead`): its
 * handler passes `c.var.caller.checkOnRead` to the operation (a bet, the daily
 * reward, a session start).
 */
export function moneyRoute<const R extends OpenRouteConfig>(route: R) {
  return signedInRoute(route, requireUserCheckedOnRead);
}

function signedInRoute<const R extends OpenRouteConfig>(
  route: R,
  guard: MiddlewareHandler<AppEnv>,
) {
  return createRoute(
    withGuardResponses({
      ...route,
      security,
      middleware: [guard] as const,
      responses: { 401: unauthorized, ...route.responses },
    }),
  );
}
