/**
 * The settlement workflow run in this process (`npm start`, tests). Kept apart
 * from the Step Functions starter so the Lambdas never load the local engine.
 */
import type { ConsumerContext } from "@market/core/derived";
import { localStreamReader } from "@market/core/derived/local-stream";
import { logger } from "../../logger";
import { runWorkflowLocally, type WorkflowEvent } from "../local-engine";
import type { SettlementStarter } from "../ports";
import { settlementExecutionName } from "./aws";
import { settlementDefinition } from "./definition";
import { finishSettlementTask, type SettlePageOptions, settlePageTask } from "./tasks";

/** How a settlement run ended (the local starter's `done`; it never rejects). */
export type SettlementRun =
  | { status: "SUCCEEDED"; executionName: string; output: unknown }
  | { status: "FAILED"; executionName: string; error: unknown };

export interface LocalSettlementOptions extends SettlePageOptions {
  /** Retry at once instead of after the ASL's backoff (tests). */
  overrideRetryIntervals?: boolean | number | undefined;
  clock?: (() => Date) | undefined;
  /**
   * Read the table's stream before the ranking (default true), as the
   * consumer Lambda has by then in AWS. The bench stacks say false: they
   * measure the settlement, and the consumer's work apart from it.
   */
  catchUpStream?: boolean | undefined;
  /** Sees every event of every execution's history (the bench counts state transitions). */
  onEvent?: ((marketId: string, event: WorkflowEvent) => void) | undefined;
}

/**
 * Runs settlements in this process (`npm start`, tests) with the task functions
 * bound to `ctx`. `start` returns at once; `done` resolves when the run ends and
 * failures are logged, never left as unhandled rejections. A second start for a
 * market whose run is still going returns that run, as a repeated
 * StartExecution does in AWS.
 */
export function createLocalSettlementStarter(
  /** With `email`, the stream's catch-up sends payout emails, as the consumer does. */
  ctx: ConsumerContext,
  options: LocalSettlementOptions = {},
): LocalSettlementStarter {
  const running = new Map<string, LocalSettlementStart>();
  const clock = options.clock ?? ctx.clock;
  const pageOptions = { pageSize: options.pageSize, concurrency: options.concurrency };
  // The stream consumer runs in this process too: the ranking after a settlement
  // counts it once the consumer has read the settlement's changes.
  const catchUp = async () => {
    if (!ctx.db.local || options.catchUpStream === false) return;
    const reader = localStreamReader(ctx);
    try {
      await reader.drain();
    } finally {
      await reader.stop();
    }
  };

  return {
    async start(marketId) {
      const inFlight = running.get(marketId);
      if (inFlight) return inFlight;
      const executionName = settlementExecutionName(marketId, clock());
      const execution = runWorkflowLocally({
        definition: settlementDefinition(),
        resources: {
          SettlePageFunctionArn: (input) => settlePageTask(input, ctx, pageOptions),
          FinishSettlementFunctionArn: (input) =>
            finishSettlementTask(input, ctx, { beforeRanking: catchUp }),
        },
        input: { marketId },
        executionName,
        overrideRetryIntervals: options.overrideRetryIntervals,
        onEvent: options.onEvent && ((event) => options.onEvent?.(marketId, event)),
      });
      logger.info("Settlement started", { marketId, executionName });
      const done = execution.result.then(
        (output): SettlementRun => {
          logger.info("Settlement succeeded", { marketId, executionName });
          return { status: "SUCCEEDED", executionName, output };
        },
        (error: unknown): SettlementRun => {
          logger.error("Settlement failed; start it again to finish", {
            marketId,
            executionName,
            error,
          });
          return { status: "FAILED", executionName, error };
        },
      );
      const started = { executionName, done };
      running.set(marketId, started);
      void done.finally(() => running.delete(marketId));
      return started;
    },
    async idle() {
      // Runs started meanwhile are waited for too. Each run's `finally` (attached
      // when it started) has removed it before this await resumes.
      while (running.size > 0) await Promise.all([...running.values()].map((run) => run.done));
    },
  };
}

export interface LocalSettlementStart {
  executionName: string;
  done: Promise<SettlementRun>;
}

export interface LocalSettlementStarter extends SettlementStarter {
  start(marketId: string): Promise<LocalSettlementStart>;
  /**
   * Resolves once no run is in flight, including the ranking a run does after it
   * marks the settlement done: what stops the database waits for this first.
   */
  idle(): Promise<void>;
}
