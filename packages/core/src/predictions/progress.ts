import {
  cancellationReasons,
  ignoreConditionFailed,
  TransactionCancelled,
  writeRetryingConflicts,
} from "../conditions";
import type { CoreContext } from "../context";
import type { PredictionItem } from "../entities/prediction";
import type { SessionStatus } from "../entities/prediction-session";
import { serviceFor, type TransactionEntities, type TransactionItem } from "../service";
import { SessionNotFound } from "./errors";
import { runCountWrites } from "./model-stats";
import type { Prediction } from "./models";
import { refundSession } from "./refund";

/**
 * Moves a running session to the next phase. A session that already ended
 * (refunded by the sweeper, say) is left as it is: the condition keeps a late
 * workflow step from reviving it.
 */
export async function markSessionStep(
  ctx: CoreContext,
  sessionId: string,
  status: Extract<SessionStatus, "researching" | "generating">,
  step: string,
): Promise<boolean> {
  const session = await getSession(ctx, sessionId);
  try {
    await serviceFor(ctx.db)
      .entities.predictionSession.patch({ sessionId })
      .set({ status, step, updatedAt: ctx.clock().toISOString() })
      .composite({ createdAt: session.createdAt })
      .where((item, { ne }) => `${ne(item.status, "finished")} AND ${ne(item.status, "error")}`)
      .go();
    return true;
  } catch (error) {
    // Already finished or failed: a late step does not reopen it.
    ignoreConditionFailed(error);
    return false;
  }
}

/** A model run starts (again): counts the attempt, which fault injection and retries read. */
export async function startModelRun(
  ctx: CoreContext,
  sessionId: string,
  modelId: string,
): Promise<number> {
  const { data } = await serviceFor(ctx.db)
    .entities.prediction.patch({ sessionId, modelId })
    .set({ state: "running", startedAt: ctx.clock().toISOString() })
    .add({ attempts: 1 })
    .go({ response: "all_new" });
  return (data as PredictionItem).attempts;
}

/**
 * A model's forecast, stored with the market's own probability at the time
 * (`marketProbability`, from `marketProbabilityOf` of the context it was given),
 * which its score against the market is later computed from.
 */
export async function recordModelSuccess(
  ctx: CoreContext,
  run: {
    sessionId: string;
    modelId: string;
    latencyMs: number;
    marketProbability?: number | null | undefined;
  },
  prediction: Prediction,
): Promise<void> {
  const now = ctx.clock().toISOString();
  const market =
    run.marketProbability === null || run.marketProbability === undefined
      ? {}
      : { marketProbability: run.marketProbability };
  await recordRun(ctx, "Model success", (entities) => [
    entities.prediction
      .patch({ sessionId: run.sessionId, modelId: run.modelId })
      .set({
        state: "completed",
        completedAt: now,
        latencyMs: run.latencyMs,
        ...prediction,
        ...market,
      })
      .commit(),
    ...runCountWrites(entities, ctx, run.modelId, now, {
      successes: 1,
      latencyMsTotal: run.latencyMs,
    }),
  ]);
}

export async function recordModelFailure(
  ctx: CoreContext,
  run: { sessionId: string; modelId: string },
  error: string,
): Promise<void> {
  const now = ctx.clock().toISOString();
  await recordRun(ctx, "Model failure", (entities) => [
    entities.prediction
      .patch({ sessionId: run.sessionId, modelId: run.modelId })
      .set({ state: "failed", completedAt: now, error: error.slice(0, 500) })
      .commit(),
    ...runCountWrites(entities, ctx, run.modelId, now, { failures: 1 }),
  ]);
}

/** A run's outcome and its counters, one transaction, tried again on a conflict. */
async function recordRun(
  ctx: CoreContext,
  operation: string,
  writes: (entities: TransactionEntities) => TransactionItem[],
): Promise<void> {
  const result = await writeRetryingConflicts(() =>
    serviceFor(ctx.db).transaction.write(writes).go(),
  );
  if (result.canceled) throw new TransactionCancelled(operation, cancellationReasons(result));
}

export type SessionOutcome = "finished" | "error";

/**
 * Ends a session: `finished` when at least one model completed, otherwise the
 * refund (which also marks it `error`). A session already ended stays so.
 */
export async function finalizeSession(
  ctx: CoreContext,
  sessionId: string,
): Promise<SessionOutcome> {
  const service = serviceFor(ctx.db);
  const session = await getSession(ctx, sessionId);
  if (session.status === "finished" || session.status === "error") return session.status;
  const { data: runs } = await service.entities.prediction.query
    .bySession({ sessionId })
    .go({ consistent: true, pages: "all" });
  if (!runs.some((run) => run.state === "completed")) {
    await refundSession(ctx, sessionId, "every model failed");
    return "error";
  }
  const now = ctx.clock().toISOString();
  try {
    await service.entities.predictionSession
      .patch({ sessionId })
      .set({ status: "finished", step: "Done", completedAt: now, updatedAt: now })
      .composite({ createdAt: session.createdAt })
      // Refunded meanwhile (by the sweeper or the rule): the refund stands.
      .where((item, { ne }) => ne(item.status, "error"))
      .go();
    return "finished";
  } catch (error) {
    ignoreConditionFailed(error);
    return "error";
  }
}

async function getSession(ctx: CoreContext, sessionId: string) {
  const { data } = await serviceFor(ctx.db)
    .entities.predictionSession.get({ sessionId })
    .go({ consistent: true });
  if (!data) throw new SessionNotFound(sessionId);
  return data;
}
