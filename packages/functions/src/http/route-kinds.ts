import { createRoute, type RouteConfig, type RouteHandler } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { requireAdmin, requireUser, requireUserOwnLimit } from "./auth";
import type { AppEnv } from "./env";
import { errorContent } from "./schemas";

/** A route handler of this app: `const placeBet: AppRouteHandler<typeof routes.placeBet>`. */
export type AppRouteHandler<R extends RouteConfig> = RouteHandler<R, AppEnv>;

const security = [{ bearerAuth: [] }];
const unauthorized = errorContent("Missing or invalid access token");
const forbidden = errorContent("Not an admin");

/** What a route declares itself; the helpers add the guard, `security` and the guard's errors. */
type OpenRouteConfig = Omit<RouteConfig, "security" | "middleware">;

/** A route without a guard (public, or guarded by its own `middleware`, e.g. a per-IP limit). */
export const publicRoute = createRoute;

/**
 * A route for a signed-in caller: `Authorization: Bearer <access token>`, else 401.
 * The handler reads the caller as `c.var.caller`. `after` runs after the guard,
 * e.g. `[perUser("passwordChangePerUser")]`, which needs the caller.
 */
export function authedRoute<const R extends OpenRouteConfig>(
  route: R,
  options: { after?: MiddlewareHandler<AppEnv>[] } = {},
) {
  return createRoute({
    ...route,
    security,
    middleware: [requireUser, ...(options.after ?? [])] as const,
    responses: { 401: unauthorized, ...route.responses },
  });
}

/** A route for an admin: 401 without a valid token, 403 for a caller who is not an admin. */
export function adminRoute<const R extends OpenRouteConfig>(route: R) {
  return createRoute({
    ...route,
    security,
    middleware: [requireAdmin] as const,
    responses: { 401: unauthorized, 403: forbidden, ...route.responses },
  });
}

/**
 * Like `authedRoute`, without the general per-user request limit: for routes
 * whose own per-user limit is counted in their transaction (placing a bet,
 * starting a prediction session).
 */
export function authedRouteOwnLimit<const R extends OpenRouteConfig>(route: R) {
  return createRoute({
    ...route,
    security,
    middleware: [requireUserOwnLimit] as const,
    responses: { 401: unauthorized, ...route.responses },
  });
}
