import type { SFNClient } from "@aws-sdk/client-sfn";
import type { SessionWorkflowStarter } from "../ports";

/** StartExecution named by the session id (a retried start is the same execution). */
export function createSfnSessionStarter(options: {
  stateMachineArn: string;
  client?: SFNClient;
}): SessionWorkflowStarter {
  let client = options.client;
  return {
    async start(input) {
      const { SFNClient, StartExecutionCommand } = await import("../sfn-client");
      client ??= new SFNClient({});
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
