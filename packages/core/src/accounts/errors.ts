import { DomainError } from "../errors";

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
