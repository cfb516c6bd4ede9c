import type { CoreContext } from "../context";
import { WorkflowStartFailed } from "./errors";
import type { ModelRegistry } from "./models";
import { refundSession } from "./refund";
import { type StartSessionInput, startSession } from "./start";

/** What the session workflow starts from: the execution's input. */
export interface SessionRun {
  sessionId: string;
  userId: string;
  marketId: string;
  models: string[];
}

/** Starts a session's workflow: Step Functions in AWS, the in-process engine locally. */
export type StartSessionWorkflow = (run: SessionRun) => Promise<unknown>;

export interface LaunchedSession {
  sessionId: string;
  newBalance: number;
  /** Credits charged for it (0 on the `unlimited` plan). */
  charged: number;
  /** The client's `Idempotency-Key` named a session started before: nothing new happened. */
  replayed: boolean;
}

/**
 * Starting a prediction session, whole: the charge and the session in one
 * transaction ({@link startSession}), then its workflow. If the workflow cannot
 * start, the credits go back at once (the same exactly-once refund every other
 * failure uses) and the caller gets {@link WorkflowStartFailed}, which says
 * whether the refund happened.
 */
export async function launchSession(
  ctx: CoreContext,
  registry: ModelRegistry,
  input: StartSessionInput,
  startWorkflow: StartSessionWorkflow,
): Promise<LaunchedSession> {
  const { session, newBalance, replayed } = await startSession(ctx, registry, input);
  const launched = { sessionId: session.sessionId, newBalance, charged: session.charged, replayed };
  if (replayed) return launched;
  try {
    await startWorkflow({
      sessionId: session.sessionId,
      userId: session.userId,
      marketId: session.marketId,
      models: session.selectedModels,
    });
  } catch (error) {
    const outcome = await refundSession(ctx, session.sessionId, "the workflow could not start");
    throw new WorkflowStartFailed(session.sessionId, outcome === "refunded", error);
  }
  return launched;
}
