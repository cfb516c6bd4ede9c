/**
 * Every code a domain error may carry. The HTTP layer's status table `satisfies`
 * a record over this union, so a code added here without a status fails the
 * type check, and a `DomainError` with a code missing here does too.
 */
export type ErrorCode =
  | "VALIDATION_ERROR"
  | "INVALID_AMOUNT"
  | "INVALID_BET_AMOUNT"
  | "INVALID_MODEL_SELECTION"
  | "INVALID_RESET_TOKEN"
  | "UNAUTHORIZED"
  | "INVALID_CREDENTIALS"
  | "INVALID_REFRESH_TOKEN"
  | "INSUFFICIENT_BALANCE"
  | "FORBIDDEN"
  | "USER_NOT_FOUND"
  | "MARKET_NOT_FOUND"
  | "BET_NOT_FOUND"
  | "BET_NOT_PENDING"
  | "QUOTE_EXPIRED"
  | "ODDS_STALE"
  | "NOTHING_TO_CASH_OUT"
  | "ODDS_CHANGED"
  | "SESSION_NOT_FOUND"
  | "ACCOUNT_EXISTS"
  | "MARKET_CLOSED"
  | "MARKET_ALREADY_RESOLVED"
  | "MARKET_NOT_RESOLVED"
  | "EMAIL_TAKEN"
  | "USERNAME_TAKEN"
  | "IDEMPOTENCY_KEY_REUSED"
  | "BALANCE_CAP_EXCEEDED"
  | "RATE_LIMIT_EXCEEDED"
  | "LEDGER_BUSY"
  | "MARKET_BUSY"
  | "POLYMARKET_UNAVAILABLE"
  | "WORKFLOW_START_FAILED"
  | "POLYMARKET_BAD_RESPONSE"
  | "DAILY_REWARD_CLAIMED"
  | "WEAK_PASSWORD"
  | "INVALID_VERIFICATION_TOKEN"
  | "AUTH_BUSY"
  | "PURCHASES_DISABLED"
  | "PACKAGE_NOT_FOUND"
  | "PAYMENT_PROVIDER_ERROR"
  | "INVALID_WEBHOOK"
  | "TRANSFER_TO_SELF"
  | "INVALID_TRANSFER_AMOUNT"
  | "TRANSFER_DAILY_LIMIT"
  | "ACCOUNT_TOO_NEW";

/**
 * Named domain errors. Each carries a stable `code` that the HTTP layer maps to a
 * status through one table, so no caller ever matches on message text.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    details?: Record<string, unknown>,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
}

/** A debit larger than the balance; `for` names the entry type the credits were for. */
export class InsufficientBalance extends DomainError {
  constructor(details: { balance: number; required: number; for?: string; reason?: string }) {
    super("INSUFFICIENT_BALANCE", "Insufficient credit balance", details);
  }
}

/** A credit that would lift the balance above the cap. */
export class BalanceCapExceeded extends DomainError {
  constructor(details: { balance: number; amount: number; cap: number }) {
    super("BALANCE_CAP_EXCEEDED", "This would exceed the maximum balance", details);
  }
}

/** An amount that is not a positive number with at most two decimals within the cap. */
export class InvalidAmount extends DomainError {
  constructor(reason: string, amount: unknown) {
    super("INVALID_AMOUNT", `Invalid amount: ${reason}`, { amount: String(amount), reason });
  }
}

export class UserNotFound extends DomainError {
  constructor(userId: string) {
    super("USER_NOT_FOUND", "User not found", { userId });
  }
}

/**
 * The same idempotency key was used before for a different operation. `key` is
 * what the client sent (its `Idempotency-Key`), never the internal ledger key.
 */
export class IdempotencyKeyReused extends DomainError {
  constructor(key: string) {
    super("IDEMPOTENCY_KEY_REUSED", "This idempotency key was already used for another request", {
      key,
    });
  }

  /** From an internal ledger key `<operation>#<userId>#<client key>`: shows only the client's part. */
  static forLedgerKey(ledgerKey: string): IdempotencyKeyReused {
    const match = /^[a-z_]+#[^#]+#(.+)$/.exec(ledgerKey);
    return new IdempotencyKeyReused(match ? (match[1] as string) : ledgerKey);
  }
}

/** The table stayed contended or throttled past every retry; safe to retry later. */
export class LedgerBusy extends DomainError {
  constructor(cause: unknown) {
    super("LEDGER_BUSY", "The ledger is busy, try again", undefined, { cause });
  }
}

/** Input that fails validation in core (the HTTP layer does its own schema checks first). */
export class ValidationFailed extends DomainError {
  constructor(message: string, fields: Record<string, string>) {
    super("VALIDATION_ERROR", message, { fields });
  }
}

/** A `cursor` that the list being read did not hand out. */
export class InvalidCursor extends ValidationFailed {
  constructor() {
    super("Invalid cursor", { cursor: "is not a cursor from this list" });
  }
}

/** The subject used up its window; `retryAfterSeconds` says when it may try again. */
export class RateLimitExceeded extends DomainError {
  readonly retryAfterSeconds: number;

  // The rule's shape (`RateLimitRule` in rate-limit.ts), spelled out so this module imports nothing.
  constructor(
    rule: { name: string; limit: number; windowSeconds: number },
    retryAfterSeconds: number,
    message = "Too many requests, try again later",
  ) {
    super("RATE_LIMIT_EXCEEDED", message, {
      rule: rule.name,
      limit: rule.limit,
      windowSeconds: rule.windowSeconds,
      retryAfterSeconds,
    });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
