import { SFNClient, StartExecutionCommand } from "@aws-sdk/client-sfn";
import type { CoreContext } from "@market/core";
import { refundSession } from "@market/core/predictions";
import { logger } from "../../logger";
import type { SessionWorkflowStarter } from "../ports";

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

/** StartExecution named by the session id (a retried start is the same execution). */
export function createSfnSessionStarter(options: {
  stateMachineArn: string;
  client?: SFNClient;
}): SessionWorkflowStarter {
  const client = options.client ?? new SFNClient({});
  return {
    async start(input) {
      await client.send(
        new StartExecutionCommand({
          stateMachineArn: options.stateMachineArn,
          name: input.sessionId,
          input: JSON.stringify(input),
        }),
      );
      return { executionName: input.sessionId };
    },
  };
}
