import type { CoreContext } from "../context";
import { activeSessionStatuses } from "../entities/prediction-session";
import { serviceFor } from "../service";
import { type RefundOutcome, refundSession } from "./refund";

/** Past the workflow's own timeout plus this, a session still running is stuck. */
const graceSeconds = 300;

/**
 * The hourly sweeper: refunds every session still not finished well past the
 * workflow timeout (an execution that never started, or whose failure event was
 * lost). Safe to run any time: the refund is idempotent.
 */
export async function sweepStuckSessions(
  ctx: CoreContext,
): Promise<{ found: number; outcomes: Partial<Record<RefundOutcome, number>> }> {
  const cutoff = new Date(
    ctx.clock().getTime() - (ctx.config.SESSION_TIMEOUT_SECONDS + graceSeconds) * 1000,
  ).toISOString();
  const sessions = serviceFor(ctx.db).entities.predictionSession;
  const stuck = (
    await Promise.all(
      activeSessionStatuses.map((status) =>
        sessions.query.byStatus({ status }).lt({ createdAt: cutoff }).go({ pages: "all" }),
      ),
    )
  ).flatMap((page) => page.data);
  const outcomes: Partial<Record<RefundOutcome, number>> = {};
  for (const session of stuck) {
    const outcome = await refundSession(
      ctx,
      session.sessionId,
      "the session got stuck and timed out",
    );
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  }
  return { found: stuck.length, outcomes };
}
