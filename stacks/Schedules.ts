import { Function as LambdaFunction, type StackContext, use } from "sst/constructs";
import { MarketSchedules } from "../infra/schedules";
import { Storage } from "./Storage";
import { Workflows } from "./Workflows";

/** The EventBridge schedules of the market jobs (sync every 5 min, resolution poll every minute). */
export function Schedules({ stack }: StackContext) {
  const { table } = use(Storage);
  const { settlementStateMachine, sessionStateMachine, modelEnvironment } = use(Workflows);
  const job = (id: string, handler: string) => {
    const fn = new LambdaFunction(stack, id, {
      handler: `packages/functions/src/handlers/jobs.${handler}`,
      timeout: "5 minutes",
      environment: {
        TABLE_NAME: table.tableName,
        SETTLEMENT_STATE_MACHINE_ARN: settlementStateMachine.stateMachineArn,
        SESSION_STATE_MACHINE_ARN: sessionStateMachine.stateMachineArn,
        ...(process.env.POLYMARKET_GAMMA_URL
          ? { POLYMARKET_GAMMA_URL: process.env.POLYMARKET_GAMMA_URL }
          : {}),
        ...modelEnvironment,
      },
    });
    table.grantReadWriteData(fn);
    settlementStateMachine.grantStartExecution(fn);
    return fn;
  };
  new MarketSchedules(stack, "MarketJobs", {
    marketSync: job("MarketSync", "marketSync"),
    resolutionPoll: job("ResolutionPoll", "resolutionPoll"),
  });
}
