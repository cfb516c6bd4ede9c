import type { RateLimitRule } from "@market/core/rate-limit";
import { clientIp, ipSubject } from "./client-ip";
import type { AppEnv } from "./env";
import { rateLimit } from "./rate-limit";

/** Counts requests per client IP (per /64 for IPv6) against `rule`. */
export function perIp(rule: RateLimitRule) {
  return rateLimit<AppEnv>(rule, (c) =>
    ipSubject(clientIp(c, { trustForwardedFor: c.var.core.config.TRUST_FORWARDED_FOR })),
  );
}
