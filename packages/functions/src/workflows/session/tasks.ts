import type { CoreContext } from "@market/core";
import {
  buildMarketContext,
  finalizeSession,
  marketProbabilityOf,
  markSessionStep,
  recordModelFailure,
  recordModelSuccess,
  refundSession,
  startModelRun,
} from "@market/core/predictions";
import {
  type MarketContext,
  ModelFailed,
  type ModelFaultRules,
  type ModelRegistry,
  marketContextSchema,
  withFaults,
} from "@market/core/predictions/models";
import { z } from "zod";
import { logger } from "../../logger";
import { modelMetrics, observeCreditMovements } from "../../metrics";
import { type FaultableTask, InjectedCrash } from "../workflow-faults";
import type { SessionTaskName } from "./definition";

// The session Lambda runs no app: its refunds are observed here.
observeCreditMovements();

/** What the session tasks run with: the same in Lambda and in the local engine. */
export interface SessionTaskDeps {
  ctx: CoreContext;
  registry: ModelRegistry;
  modelFaults: ModelFaultRules;
  workflowFaults: Set<FaultableTask>;
  modelTimeoutMs: number;
}

/** Every task gets the session and its user (the user only for the logs). */
const sessionInput = z.object({ sessionId: z.string().min(1), userId: z.string().optional() });

function crashIfInjected(deps: SessionTaskDeps, task: FaultableTask): void {
  if (deps.workflowFaults.has(task)) throw new InjectedCrash(task);
}

/** "Mark the session as researching / generating". */
export async function markStepTask(input: unknown, deps: SessionTaskDeps) {
  const { sessionId, status, step } = sessionInput
    .extend({ status: z.enum(["researching", "generating"]), step: z.string() })
    .parse(input);
  await markSessionStep(deps.ctx, sessionId, status, step);
  crashIfInjected(deps, "MarkStep");
  return null;
}

/** "Gather market context": its output is every model's input. */
export async function researchTask(input: unknown, deps: SessionTaskDeps): Promise<MarketContext> {
  const { marketId } = sessionInput.extend({ marketId: z.string().min(1) }).parse(input);
  const context = await buildMarketContext(deps.ctx, marketId);
  crashIfInjected(deps, "Research");
  return context;
}

/**
 * "Run the model": counts the attempt, asks the model under a timeout, stores
 * the forecast. Errors keep their names (`TransientModelError` is retried by
 * the ASL, anything else is caught into "Record the model as failed").
 */
export async function runModelTask(input: unknown, deps: SessionTaskDeps) {
  const { sessionId, userId, modelId, context } = sessionInput
    .extend({
      modelId: z.string(),
      // What "Gather market context" produced, checked before any model sees it.
      context: marketContextSchema,
    })
    .parse(input);
  const found = deps.registry.get(modelId);
  if (!found) throw new ModelFailed(`Unknown model ${modelId}`);
  const model = withFaults(found, deps.modelFaults);
  const attempt = await startModelRun(deps.ctx, sessionId, modelId);
  const started = performance.now();
  try {
    const prediction = await model.predict(context, {
      signal: AbortSignal.timeout(deps.modelTimeoutMs),
      attempt,
    });
    const latencyMs = Math.round(performance.now() - started);
    await recordModelSuccess(
      deps.ctx,
      { sessionId, modelId, latencyMs, marketProbability: marketProbabilityOf(context) },
      prediction,
    );
    modelMetrics(modelId, "success", latencyMs);
    logger.info("model completed", { sessionId, userId, modelId, attempt, latencyMs });
    crashIfInjected(deps, "RunModel");
    return { modelId, state: "completed" };
  } catch (error) {
    const latencyMs = Math.round(performance.now() - started);
    modelMetrics(modelId, "attempt_failure", latencyMs);
    logger.warn("model attempt failed", { sessionId, userId, modelId, attempt, error });
    throw error;
  }
}

/** "Record the model as failed", after the retries ran out. */
export async function recordModelFailureTask(input: unknown, deps: SessionTaskDeps) {
  const { sessionId, userId, modelId, error } = sessionInput
    .extend({
      modelId: z.string(),
      error: z.object({ Error: z.string().optional(), Cause: z.string().optional() }).optional(),
    })
    .parse(input);
  const reason = [error?.Error, error?.Cause].filter(Boolean).join(": ") || "failed";
  await recordModelFailure(deps.ctx, { sessionId, modelId }, reason);
  modelMetrics(modelId, "failure");
  logger.warn("model failed", { sessionId, userId, modelId, reason });
  crashIfInjected(deps, "RecordModelFailure");
  return { modelId, state: "failed" };
}

/** "Decide the session outcome". */
export async function finalizeTask(input: unknown, deps: SessionTaskDeps) {
  const { sessionId, userId } = sessionInput.parse(input);
  const status = await finalizeSession(deps.ctx, sessionId);
  logger.info("session ended", { sessionId, userId, status });
  crashIfInjected(deps, "Finalize");
  return { status };
}

/** "Refund the credits": the in-workflow compensation. */
export async function refundTask(input: unknown, deps: SessionTaskDeps) {
  const { sessionId, userId, failure } = sessionInput
    .extend({ failure: z.object({ Error: z.string().optional() }).passthrough().optional() })
    .parse(input);
  const reason = failure?.Error ?? "workflow failure";
  const outcome = await refundSession(deps.ctx, sessionId, reason);
  logger.info("session refund", { sessionId, userId, reason, outcome, path: "workflow catch" });
  return { outcome };
}

/** What each task of the ASL runs (`definition.ts`), in Lambda and in the local engine. */
export const sessionTaskRunners: Record<
  SessionTaskName,
  (input: unknown, deps: SessionTaskDeps) => Promise<unknown>
> = {
  MarkStep: markStepTask,
  Research: researchTask,
  RunModel: runModelTask,
  RecordModelFailure: recordModelFailureTask,
  Finalize: finalizeTask,
  Refund: refundTask,
};

/**
 * What the EventBridge rule on FAILED / TIMED_OUT / ABORTED executions does:
 * the same idempotent refund, for failures the workflow could not catch itself.
 */
export async function onSessionExecutionEnded(
  ctx: CoreContext,
  sessionId: string,
  status: string,
): Promise<void> {
  const outcome = await refundSession(ctx, sessionId, `workflow ${status.toLowerCase()}`);
  logger.info("session refund", { sessionId, status, outcome, path: "execution status rule" });
}
