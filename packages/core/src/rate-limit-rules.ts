import type { RateLimitRule } from "./rate-limit";

const hour = 60 * 60;

/**
 * Every rate limit the product applies, in one place (architecture: register
 * 5/h and login 10/h per IP). The `name` is stored in the counter's key, so
 * renaming a rule starts its counts afresh.
 */
export const rateLimitRules = {
  /** Account creation, per client IP. */
  register: { name: "register", limit: 5, windowSeconds: hour },
  /** Login attempts, per client IP. */
  login: { name: "login", limit: 10, windowSeconds: hour },
  /** Password reset requests, per client IP or per email (the subject tells them apart). */
  passwordReset: { name: "password-reset", limit: 5, windowSeconds: hour },
  /** Setting a new password with a reset token, per client IP. */
  passwordResetConfirm: { name: "password-reset-confirm", limit: 10, windowSeconds: hour },
  /** Bets, per user (seed 002 §9.2). */
  bets: { name: "bets", limit: 30, windowSeconds: 60 },
} as const satisfies Record<string, RateLimitRule>;
