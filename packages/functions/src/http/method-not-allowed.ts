import type { Context, Hono } from "hono";
import type { AppEnv } from "./env";
import { errorResponse } from "./errors";

interface RoutePattern {
  pattern: RegExp;
  method: string;
}

function toPattern(path: string): RegExp {
  const source = path
    .split("/")
    .map((part) => (part.startsWith(":") ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${source.replace(/\/\*$/, "(/.*)?")}/?$`);
}

/**
 * The app's `notFound`: a path the API knows under another method is a 405 with
 * `Allow`, anything else a 404, both in the API's error format.
 */
export function notFoundHandler(app: Hono<AppEnv>) {
  let routes: RoutePattern[] | undefined;
  return (c: Context) => {
    routes ??= app.routes
      .filter((route) => route.method !== "ALL")
      .map((route) => ({ pattern: toPattern(route.path), method: route.method }));
    const allowed = [
      ...new Set(routes.filter((r) => r.pattern.test(c.req.path)).map((r) => r.method)),
    ];
    if (allowed.length > 0) {
      c.header("Allow", allowed.join(", "));
      return errorResponse(
        c,
        405,
        "METHOD_NOT_ALLOWED",
        `${c.req.method} is not allowed here; use ${allowed.join(" or ")}`,
      );
    }
    return errorResponse(c, 404, "NOT_FOUND", `No route for ${c.req.method} ${c.req.path}`);
  };
}
