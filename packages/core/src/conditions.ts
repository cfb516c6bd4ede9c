import { backoffMs, isTransientCode, isTransientError, sleep } from "./ledger/retry";

/**
 * Reading DynamoDB's refusals: a single write whose condition did not hold, and
 * the per-item reasons of a cancelled transaction. Every module recognises them
 * through these functions, never by matching an error's message.
 */

/** One item's reason in a cancelled transaction (`None` for items that were fine). */
export interface CancellationReason {
  code: string;
  message?: string;
  item?: unknown;
}

/** The code of an item whose condition did not hold. */
export const conditionFailed = "ConditionalCheckFailed";

/**
 * True when a single write was refused because its condition did not hold: the
 * SDK's `ConditionalCheckFailedException`, as thrown or as the `cause` ElectroDB wraps.
 */
export function isConditionFailed(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth += 1) {
    if ((current as { name?: unknown }).name === "ConditionalCheckFailedException") return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Rethrows anything but a failed condition: for writes whose condition may rightly not hold. */
export function ignoreConditionFailed(error: unknown): void {
  if (!isConditionFailed(error)) throw error;
}

/** The reasons of an ElectroDB transaction result, one per item in the order written; none if it committed. */
export function cancellationReasons(result: {
  canceled: boolean;
  data: unknown;
}): CancellationReason[] {
  return result.canceled ? (result.data as CancellationReason[]) : [];
}

/** A transaction DynamoDB cancelled for a reason the caller did not expect (a 500, with the codes). */
export class TransactionCancelled extends Error {
  override name = "TransactionCancelled";
  constructor(
    readonly operation: string,
    readonly reasons: readonly CancellationReason[],
  ) {
    super(`${operation} cancelled: ${reasons.map((reason) => reason.code).join(", ")}`);
  }
}

/** An ElectroDB write transaction's result: committed, or cancelled with per-item reasons. */
interface TransactionResult {
  canceled: boolean;
  data: unknown;
}

/**
 * Runs a write transaction, building it again with `write`, while DynamoDB
 * cancels it only for a conflict or throttling: transactions that ADD to the
 * same sharded counter meet now and then, and another try (on another shard)
 * is all they need. A failed condition ends the tries: the cancelled result is
 * returned for the caller to read, as is the last one when the tries run out.
 */
export async function writeRetryingConflicts<R extends TransactionResult>(
  write: () => Promise<R>,
  maxAttempts = 8,
): Promise<R> {
  for (let attempt = 1; ; attempt += 1) {
    let result: R;
    try {
      result = await write();
    } catch (error) {
      if (!isTransientError(error) || attempt >= maxAttempts) throw error;
      await sleep(backoffMs(attempt));
      continue;
    }
    const reasons = cancellationReasons(result);
    const retry =
      reasons.some((reason) => isTransientCode(reason.code)) &&
      !reasons.some((reason) => reason.code === conditionFailed);
    if (!retry || attempt >= maxAttempts) return result;
    await sleep(backoffMs(attempt));
  }
}
