import { PasswordHashingBusy } from "@market/core/auth";
import { DomainError, type ErrorCode, RateLimitExceeded } from "@market/core/errors";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";
import { logger } from "../logger";
import { humanMessage } from "./validation-messages";

/** The one error body the API returns. */
export interface ErrorBody {
  error: string;
  code: string;
  statusCode: number;
  details?: Record<string, unknown>;
}

/**
 * Domain error codes to HTTP statuses: a table, not a chain of string matches.
 * `satisfies` over the whole union: a new code without a status fails the type check.
 */
const statusByCode = {
  VALIDATION_ERROR: 400,
  INVALID_AMOUNT: 400,
  INVALID_BET_AMOUNT: 400,
  INVALID_MODEL_SELECTION: 400,
  INVALID_RESET_TOKEN: 400,
  UNAUTHORIZED: 401,
  INVALID_CREDENTIALS: 401,
  INVALID_REFRESH_TOKEN: 401,
  INSUFFICIENT_BALANCE: 402,
  FORBIDDEN: 403,
  USER_NOT_FOUND: 404,
  MARKET_NOT_FOUND: 404,
  BET_NOT_FOUND: 404,
  BET_NOT_PENDING: 409,
  QUOTE_EXPIRED: 409,
  ODDS_STALE: 409,
  NOTHING_TO_CASH_OUT: 409,
  ODDS_CHANGED: 409,
  SESSION_NOT_FOUND: 404,
  ACCOUNT_EXISTS: 409,
  MARKET_CLOSED: 409,
  MARKET_ALREADY_RESOLVED: 409,
  MARKET_NOT_RESOLVED: 409,
  EMAIL_TAKEN: 409,
  USERNAME_TAKEN: 409,
  IDEMPOTENCY_KEY_REUSED: 409,
  BALANCE_CAP_EXCEEDED: 422,
  RATE_LIMIT_EXCEEDED: 429,
  LEDGER_BUSY: 503,
  MARKET_BUSY: 503,
  POLYMARKET_UNAVAILABLE: 503,
  WORKFLOW_START_FAILED: 503,
  POLYMARKET_BAD_RESPONSE: 502,
  DAILY_REWARD_CLAIMED: 409,
  WEAK_PASSWORD: 400,
  INVALID_VERIFICATION_TOKEN: 400,
  AUTH_BUSY: 503,
  PURCHASES_DISABLED: 503,
  PACKAGE_NOT_FOUND: 404,
  PAYMENT_PROVIDER_ERROR: 502,
  INVALID_WEBHOOK: 400,
  TRANSFER_TO_SELF: 400,
  INVALID_TRANSFER_AMOUNT: 400,
  TRANSFER_DAILY_LIMIT: 422,
  ACCOUNT_TOO_NEW: 403,
} as const satisfies Record<ErrorCode, ContentfulStatusCode>;

const codeByStatus: Record<number, string> = {
  400: "BAD_REQUEST",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  405: "METHOD_NOT_ALLOWED",
  413: "PAYLOAD_TOO_LARGE",
  415: "UNSUPPORTED_MEDIA_TYPE",
  429: "RATE_LIMIT_EXCEEDED",
};

/** The error body, for handlers whose typed responses need the object itself. */
export function errorBody(
  statusCode: number,
  code: string,
  error: string,
  details?: Record<string, unknown>,
): ErrorBody {
  return { error, code, statusCode, ...(details ? { details } : {}) };
}

export function errorResponse(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  error: string,
  details?: Record<string, unknown>,
): Response {
  return c.json(errorBody(status, code, error, details), status);
}

/** Zod issues as `{ "body.amount": "must be a number" }`, each written for people (`humanMessage`). */
export function fieldErrors(error: ZodError, target: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = [target, ...issue.path.map(String)].join(".");
    if (issue.code === "unrecognized_keys") {
      // Mass assignment attempts name each refused field, not just the body.
      for (const key of issue.keys) fields[`${path}.${key}`] = "is not allowed";
    } else {
      fields[path] ??= humanMessage(issue);
    }
  }
  return fields;
}

/**
 * `Retry-After` for a `RateLimitExceeded` thrown anywhere (e.g. by `enforce` in
 * core), for the app's `onError`; no headers for any other error.
 */
export function retryAfterHeaders(error: unknown): Record<string, string> {
  if (!(error instanceof RateLimitExceeded)) return {};
  const retryAfter = String(error.retryAfterSeconds);
  return {
    "Retry-After": retryAfter,
    "RateLimit-Limit": String(error.details?.limit ?? ""),
    "RateLimit-Remaining": "0",
    "RateLimit-Reset": retryAfter,
  };
}

/** The app's `onError`: domain errors by code, HTTP exceptions by status, anything else a 500. */
export function handleError(error: Error, c: Context): Response {
  if (error instanceof DomainError) {
    const status: ContentfulStatusCode = statusByCode[error.code];
    if (status >= 500) logger.warn("domain error", { code: error.code, error });
    for (const [name, value] of Object.entries(retryAfterHeaders(error))) c.header(name, value);
    if (error instanceof PasswordHashingBusy)
      c.header("Retry-After", String(error.retryAfterSeconds));
    if (error.code === "UNAUTHORIZED") c.header("WWW-Authenticate", 'Bearer error="invalid_token"');
    return errorResponse(c, status, error.code, error.message, error.details);
  }
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    const message = error.message || "Request failed";
    const code = /malformed json/i.test(message)
      ? "MALFORMED_JSON"
      : (codeByStatus[status] ?? "HTTP_ERROR");
    return errorResponse(c, status, code, message);
  }
  if (isDatabaseUnavailable(error)) {
    logger.warn("database unavailable", { error, path: c.req.path, method: c.req.method });
    c.header("Retry-After", "1");
    return errorResponse(c, 503, "SERVICE_UNAVAILABLE", "The service is unavailable, try again");
  }
  logger.error("unhandled error", { error, path: c.req.path, method: c.req.method });
  return errorResponse(c, 500, "INTERNAL_ERROR", "Internal server error");
}

const unreachableCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
]);
const unavailableNames = new Set([
  "TimeoutError",
  "RequestTimeout",
  "InternalServerError",
  "ServiceUnavailable",
  "ThrottlingException",
  "ProvisionedThroughputExceededException",
  "RequestLimitExceeded",
]);

/**
 * DynamoDB unreachable, timing out or throttling (after the SDK's own retries),
 * seen through ElectroDB's wrapping: a 503 the client may retry, not a 500.
 * Nothing was half-written: every multi-item write is one transaction.
 */
function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 6; depth++) {
    const candidate = cause as {
      code?: unknown;
      name?: unknown;
      $metadata?: { httpStatusCode?: number };
    };
    if (typeof candidate.code === "string" && unreachableCodes.has(candidate.code)) return true;
    if (typeof candidate.name === "string" && unavailableNames.has(candidate.name)) return true;
    if ((candidate.$metadata?.httpStatusCode ?? 0) >= 500) return true;
    if (cause instanceof AggregateError && cause.errors.some(isDatabaseUnavailable)) return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}
