/** Cancellation codes and SDK errors that mean "try again", as opposed to a failed condition. */
const transientCodes = new Set([
  "TransactionConflict",
  "ThrottlingError",
  "ProvisionedThroughputExceeded",
  "RequestLimitExceeded",
]);

const transientErrorNames = new Set([
  "TransactionConflictException",
  "TransactionInProgressException",
  "ThrottlingException",
  "ProvisionedThroughputExceededException",
  "RequestLimitExceeded",
  "InternalServerError",
]);

export function isTransientCode(code: string): boolean {
  return transientCodes.has(code);
}

/** Also through ElectroDB's wrapper, which keeps the SDK's error as its `cause`. */
export function isTransientError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return transientErrorNames.has(error.name) || isTransientError(error.cause);
}

/** Exponential backoff with full jitter: a random wait in [0, min(cap, base * 2^attempt)). */
export function backoffMs(attempt: number, baseMs = 20, capMs = 1_000): number {
  return Math.random() * Math.min(capMs, baseMs * 2 ** attempt);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
