import type { CoreContext } from "../context";
import { DomainError, RateLimitExceeded } from "../errors";
import type { RateLimitRule } from "../rate-limit";
import { rateLimitExceeded } from "../rate-limit";

export class EmailTaken extends DomainError {
  constructor() {
    super("EMAIL_TAKEN", "An account with this email already exists");
  }
}

export class UsernameTaken extends DomainError {
  constructor() {
    super("USERNAME_TAKEN", "This username is taken");
  }
}

/** Unknown email and wrong password are the same error, on purpose. */
export class InvalidCredentials extends DomainError {
  constructor() {
    super("INVALID_CREDENTIALS", "Invalid email or password");
  }
}

/**
 * Too many failed logins for one account this window (whatever the IPs): a 429
 * with `Retry-After`, even for the right password. The owner is never locked
 * out for long: a password reset clears the count.
 */
export class LoginThrottled extends RateLimitExceeded {
  constructor(ctx: CoreContext, rule: RateLimitRule) {
    super(
      rule,
      rateLimitExceeded(ctx, rule).retryAfterSeconds,
      "Too many failed sign-ins for this account: try again later, or reset the password to sign in now",
    );
  }
}

/** Unknown, expired, revoked or reused refresh token: one answer for all. */
export class InvalidRefreshToken extends DomainError {
  constructor(cause?: string) {
    super("INVALID_REFRESH_TOKEN", "Invalid or expired refresh token", undefined, { cause });
  }
}

export class InvalidResetToken extends DomainError {
  constructor() {
    super("INVALID_RESET_TOKEN", "This password reset link is invalid or has expired");
  }
}
