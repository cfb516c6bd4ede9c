import type { SessionRun } from "@market/core/predictions";

/**
 * Starts the settlement workflow of a resolved market. In AWS a Step Functions
 * StartExecution; locally the same ASL run in-process. `start` resolves once the
 * run is started (the returned `done` settles when the local run ends; in AWS it
 * resolves at once), so HTTP handlers never wait for settlement.
 */
export interface SettlementStarter {
  start(marketId: string): Promise<{ executionName: string; done: Promise<unknown> }>;
}

/** What the session workflow starts with (its `userId` goes to every task, so each log line names the user). */
export type SessionWorkflowInput = SessionRun;

/**
 * Starts a prediction session's workflow, with the execution named by the
 * session id. Throws when the execution could not be started (the caller then
 * refunds at once).
 */
export interface SessionWorkflowStarter {
  start(input: SessionWorkflowInput): Promise<{ executionName: string }>;
}
