import {
  cancellationReasons,
  conditionFailed,
  TransactionCancelled,
  writeRetryingConflicts,
} from "../conditions";
import type { CoreContext } from "../context";
import { ExtraWriteRejected } from "../ledger/errors";
import { postLedgerEntry } from "../ledger/post";
import { serviceFor } from "../service";
import { SessionNotFound } from "./errors";

export type RefundOutcome =
  | "refunded"
  | "already refunded"
  | "nothing charged"
  | "finished: not refunded";

/**
 * Gives a failed session its credits back: the one refund operation, keyed
 * `prediction_refund#<sessionId>`. The refund and the session's move to `error`
 * are one transaction conditioned on the session not being `finished`, so
 * however many paths call this (the workflow's catch, the all-failed branch,
 * the execution-status rule, the sweeper, a failed start) the user gets the
 * credits back once, and a finished session never.
 */
export async function refundSession(
  ctx: CoreContext,
  sessionId: string,
  reason: string,
): Promise<RefundOutcome> {
  const service = serviceFor(ctx.db);
  const { data: session } = await service.entities.predictionSession
    .get({ sessionId })
    .go({ consistent: true });
  if (!session) throw new SessionNotFound(sessionId);
  if (session.status === "finished") return "finished: not refunded";
  const now = ctx.clock().toISOString();
  const markFailed = {
    status: "error" as const,
    step: "Failed",
    error: session.error ?? reason,
    updatedAt: now,
    completedAt: session.completedAt ?? now,
  };

  if (session.charged === 0) {
    // Counted failed once: only the move into `error` counts (a repeat finds it there).
    const result = await writeRetryingConflicts(() =>
      service.transaction
        .write((entities) => [
          entities.predictionSession
            .patch({ sessionId })
            .set(markFailed)
            .composite({ createdAt: session.createdAt })
            .where(
              (item, { ne }) => `${ne(item.status, "finished")} AND ${ne(item.status, "error")}`,
            )
            .commit(),
        ])
        .go(),
    );
    const reasons = cancellationReasons(result);
    if (result.canceled && reasons[0]?.code !== conditionFailed) {
      throw new TransactionCancelled("Session failure", reasons);
    }
    return "nothing charged";
  }
  try {
    const posting = await postLedgerEntry(ctx, {
      userId: session.userId,
      amount: session.charged,
      type: "prediction_refund",
      reason: `Refund: prediction session failed (${reason})`,
      referenceId: sessionId,
      marketId: session.marketId,
      idempotencyKey: `prediction_refund#${sessionId}`,
      alsoWrite: (entities) => ({
        session: entities.predictionSession
          .patch({ sessionId })
          .set({ ...markFailed, refunded: true })
          .composite({ createdAt: session.createdAt })
          .where((item, { ne }) => ne(item.status, "finished"))
          .commit(),
      }),
    });
    return posting.replayed ? "already refunded" : "refunded";
  } catch (error) {
    // The session finished between our read and the refund: it keeps its charge.
    if (error instanceof ExtraWriteRejected) return "finished: not refunded";
    throw error;
  }
}
