import type { CoreContext } from "../context";
import { type ApplyResult, applyChanges } from "./apply";
import { changeOf, type StreamRecord } from "./changes";
import { derivedChanges } from "./effects";
import { notificationChanges } from "./notifications";

/**
 * The stream consumer: the derived numbers every record of a batch moves,
 * counted exactly once (`applyChanges`). The Lambda handler and the local
 * stream reader both call this with the records as delivered.
 */
export function consumeRecords(
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
  return applyChanges(ctx, changes, maxItems);
}
