import type { CoreContext } from "@market/core";
import { limitsOf, type RateLimitName } from "@market/core/limits";
import { hitInTier, RateLimitExceeded, type RateLimitRule } from "@market/core/rate-limit";
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "./env";
import { errorResponse, retryAfterHeaders } from "./errors";
import { answersWith, tooManyRequests } from "./guard-responses";

/** What the middleware needs from the app's environment: the core context. */
interface RateLimitEnv {
  Variables: { core: CoreContext };
}

/**
 * Counts every request against `rule` (a rule, or the name of one of the
 * configured limits in core's `limitsOf`) for the subject `subjectOf` names (e.g.
 * `ipSubject(clientIp(c, ...))`). An allowed request carries `RateLimit-Limit`
 * and `RateLimit-Remaining`; a refused one is a 429 in the API's error format
 * with `Retry-After`, and never reaches the handler (documented as the 429 of
 * every route that uses it: see `guardResponses`).
 */
export function rateLimit<E extends RateLimitEnv = AppEnv>(
  ruleOrName: RateLimitRule | RateLimitName,
  subjectOf: (c: Context<E>) => string | Promise<string>,
): MiddlewareHandler<E> {
  const limit: MiddlewareHandler<E> = async (c, next) => {
    const core: CoreContext = c.get("core");
    const rule =
      typeof ruleOrName === "string" ? limitsOf(core.config).rateLimits[ruleOrName] : ruleOrName;
    const result = await hitInTier(core, rule, await subjectOf(c));
    c.header("RateLimit-Limit", String(rule.limit));
    c.header("RateLimit-Remaining", String(result.remaining));
    c.header(
      "RateLimit-Reset",
      String(Math.max(0, Math.ceil((result.resetAt.getTime() - core.clock().getTime()) / 1000))),
    );
    if (!result.allowed) {
      const error = new RateLimitExceeded(rule, result.retryAfterSeconds);
      for (const [name, value] of Object.entries(retryAfterHeaders(error))) c.header(name, value);
      return errorResponse(c, 429, error.code, error.message, error.details);
    }
    await next();
  };
  return answersWith(limit, { 429: tooManyRequests });
}
