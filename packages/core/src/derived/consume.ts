import type { CoreContext } from "../context";
import { type ApplyResult, applyChanges } from "./apply";
import { changeOf, type StreamRecord } from "./changes";
import { derivedChanges } from "./effects";
import { marketClosingOf, notifyMarketClosed } from "./market-closed";
import { notificationChanges } from "./notifications";

/**
 * The stream consumer: the derived numbers every record of a batch moves,
 * counted exactly once (`applyChanges`). The Lambda handler and the local
 * stream reader both call this with the records as delivered.
 */
export async function consumeRecords(
  ctx: CoreContext,
  records: StreamRecord[],
  /** Fewer items per transaction (tests). */
  maxItems?: number,
): Promise<ApplyResult> {
  const changes = records.flatMap((record) => {
    const change = changeOf(ctx.db, record);
    // Notifications follow settings (LOW_CREDIT_NOTICE); the aggregates' recomputation needs none.
    return change ? [...derivedChanges(change), ...notificationChanges(change, ctx.config)] : [];
  });
  const result = await applyChanges(ctx, changes, maxItems);
  // A market closing tells its bettors (a fan-out, each notice written once), after the rest.
  for (const record of records) {
    const closing = marketClosingOf(ctx.db, record);
    if (closing) await notifyMarketClosed(ctx, closing);
  }
  return result;
}
