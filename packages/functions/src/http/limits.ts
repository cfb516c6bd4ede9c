import type { RateLimitName } from "@market/core/limits";
import { clientIp, ipSubject } from "./client-ip";
import type { AppEnv } from "./env";
import { rateLimit } from "./rate-limit";

/** Counts requests per client IP (per /64 for IPv6) against the configured limit `rule`. */
export function perIp(rule: RateLimitName) {
  return rateLimit<AppEnv>(rule, (c) =>
    ipSubject(clientIp(c, { trustForwardedFor: c.var.core.config.TRUST_FORWARDED_FOR })),
  );
}

/**
 * Counts requests per signed-in user against the configured limit `rule`; goes
 * after `requireUser` in a route's middleware.
 */
export function perUser(rule: RateLimitName) {
  return rateLimit<AppEnv>(rule, (c) => `user:${c.var.caller.userId}`);
}
