import { DomainError } from "../errors";

/**
 * Polymarket could not be reached or kept failing (network error, timeout, 429 or 5xx)
 * after every retry, or refused the request outright. The sync job gives up this run
 * and tries again on its next tick; nothing has been written.
 */
export class PolymarketUnavailable extends DomainError {
  constructor(
    message: string,
    details: { url: string; attempts: number; status?: number; retryAfterMs?: number },
    cause?: unknown,
  ) {
    super("POLYMARKET_UNAVAILABLE", message, details, { cause });
  }
}

/** Polymarket answered, but not with a JSON array of markets. Retrying will not help. */
export class PolymarketBadResponse extends DomainError {
  constructor(message: string, details: { url?: string; status?: number; bodyStart?: string }) {
    super("POLYMARKET_BAD_RESPONSE", message, details);
  }
}
