/**
 * The session workflow run in this process (`npm start`, tests). Kept apart from
 * the Step Functions starter so the Lambdas never load the local engine.
 */
import { logger } from "../../logger";
import { runWorkflowLocally, type WorkflowEvent } from "../local-engine";
import type { SessionWorkflowInput, SessionWorkflowStarter } from "../ports";
import { placeholderOf, sessionDefinition, sessionTasks } from "./definition";
import { onSessionExecutionEnded, type SessionTaskDeps, sessionTaskRunners } from "./tasks";

export interface LocalSessionOptions {
  /** Retry at once instead of after the ASL's backoff (tests). */
  overrideRetryIntervals?: boolean | number | undefined;
  /** Sees every event of every execution's history (the bench counts state transitions). */
  onEvent?: ((sessionId: string, event: WorkflowEvent) => void) | undefined;
}

export interface LocalSessionWorkflow extends SessionWorkflowStarter {
  /** Resolves when the session's local execution ended (for tests). */
  settled(sessionId: string): Promise<void>;
  /** Resolves once no execution (nor its refund) is in flight: stop the database after this. */
  idle(): Promise<void>;
}

/**
 * Runs session workflows in this process. When an execution fails, times out
 * or is aborted, the rule's refund runs here too, so local runs keep the same
 * guarantees as AWS.
 */
export function createLocalSessionWorkflow(
  deps: SessionTaskDeps,
  options: LocalSessionOptions = {},
): LocalSessionWorkflow {
  const running = new Map<string, Promise<void>>();
  const definition = sessionDefinition({
    timeoutSeconds: deps.ctx.config.SESSION_TIMEOUT_SECONDS,
    modelConcurrency: deps.ctx.config.MODEL_CONCURRENCY,
  });
  return {
    async start(input: SessionWorkflowInput) {
      const execution = runWorkflowLocally({
        definition,
        executionName: input.sessionId,
        input,
        overrideRetryIntervals: options.overrideRetryIntervals,
        onEvent: options.onEvent && ((event) => options.onEvent?.(input.sessionId, event)),
        resources: Object.fromEntries(
          sessionTasks.map((task) => [
            placeholderOf(task),
            (event: unknown) => sessionTaskRunners[task](event, deps),
          ]),
        ),
      });
      logger.info("session started", {
        sessionId: input.sessionId,
        userId: input.userId,
        models: input.models,
      });
      const done = execution.result.then(
        () => undefined,
        async (error: unknown) => {
          const status = executionStatus(error);
          try {
            await onSessionExecutionEnded(deps.ctx, input.sessionId, status);
          } catch (refundError) {
            // The sweeper refunds it later; never an unhandled rejection.
            logger.error("refund after failed execution failed", {
              sessionId: input.sessionId,
              error: refundError,
            });
          }
        },
      );
      running.set(input.sessionId, done);
      void done.finally(() => {
        if (running.get(input.sessionId) === done) running.delete(input.sessionId);
      });
      return { executionName: execution.executionName };
    },
    async settled(sessionId) {
      await running.get(sessionId);
    },
    async idle() {
      // As the settlement starter's: each `finally` has removed its run before this resumes.
      while (running.size > 0) await Promise.all(running.values());
    },
  };
}

function executionStatus(error: unknown): "FAILED" | "TIMED_OUT" | "ABORTED" {
  const name = error instanceof Error ? error.name : "";
  if (/timeout/i.test(name)) return "TIMED_OUT";
  if (/abort/i.test(name)) return "ABORTED";
  return "FAILED";
}
