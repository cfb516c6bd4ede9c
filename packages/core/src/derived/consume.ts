import type { CoreContext } from "../context";
import type { EmailSender } from "../email/email";
import { type ApplyResult, applyChanges } from "./apply";
import { changeOf, type StreamRecord } from "./changes";
import { derivedChanges } from "./effects";
import { marketClosingOf, notifyMarketClosed } from "./market-closed";
import { notificationChanges } from "./notifications";
import { type PayoutEmailResult, sendPayoutEmails } from "./payout-emails";

/**
 * What the consumer runs with: the core context and, where payout emails may
 * go, the email sender (without one, as in tests that do not look, none go).
 */
export interface ConsumerContext extends CoreContext {
  email?: EmailSender | undefined;
}

export interface ConsumeResult extends ApplyResult {
  /** The payout emails of the batch, when the consumer has a sender. */
  emails?: PayoutEmailResult;
}

/**
 * The stream consumer: the derived numbers every record of a batch moves,
 * counted exactly once (`applyChanges`), then a closing market's notice to
 * each of its bettors (`notifyMarketClosed`, once each), then the payout
 * emails of the notifications it wrote for the first time, at most once each
 * (`sendPayoutEmails`). The Lambda handler and the local stream reader both
 * call this with the records as delivered.
 */
export async function consumeRecords(
  ctx: ConsumerContext,
  records: StreamRecord[],
  /** Fewer items per transaction (tests). */
  maxItems?: number,
): Promise<ConsumeResult> {
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
  if (!ctx.email) return result;
  return { ...result, emails: await sendPayoutEmails(ctx, ctx.email, result.written) };
}
