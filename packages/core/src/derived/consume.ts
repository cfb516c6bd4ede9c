import type { CoreContext } from "../context";
import { type ApplyResult, applyChanges } from "./apply";
import { changeOf, type StreamRecord } from "./changes";
import { derivedChanges } from "./effects";

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
    return change ? derivedChanges(change) : [];
  });
  return applyChanges(ctx, changes, maxItems);
}
