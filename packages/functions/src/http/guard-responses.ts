import type { RouteConfig } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { errorContent } from "./schemas";

type Responses = RouteConfig["responses"];
// biome-ignore lint/suspicious/noExplicitAny: a guard of any environment (the app's, or a rate limit's own).
type AnyMiddleware = MiddlewareHandler<any>;

/** What a refused request is told; routes may document a more specific description. */
export const unauthorized = errorContent("Missing or invalid access token");
export const forbidden = errorContent("Not an admin");
export const tooManyRequests = errorContent(
  "RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After",
);

const declared = new WeakMap<AnyMiddleware, Responses>();

/**
 * Records the error responses `middleware` can answer with before any handler
 * runs (a rate limit's 429, a guard's 401), and returns it. A route that uses
 * it documents them without restating them (`guardResponses`), so a limit added
 * to a route shows in the OpenAPI document by itself.
 */
export function answersWith<M extends AnyMiddleware>(middleware: M, responses: Responses): M {
  declared.set(middleware, responses);
  return middleware;
}

/** Every response the given middleware declared with `answersWith`, later ones winning. */
export function guardResponses(middleware: RouteConfig["middleware"]): Responses {
  const list: readonly AnyMiddleware[] = Array.isArray(middleware)
    ? middleware
    : middleware
      ? [middleware as AnyMiddleware]
      : [];
  return Object.assign({}, ...list.map((handler) => declared.get(handler) ?? {}));
}
