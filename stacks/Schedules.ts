import { Duration } from "aws-cdk-lib";
import { StartingPosition } from "aws-cdk-lib/aws-lambda";
import { SqsDestination } from "aws-cdk-lib/aws-lambda-destinations";
import { DynamoEventSource, SqsDlq } from "aws-cdk-lib/aws-lambda-event-sources";
import { Function as LambdaFunction, type StackContext, use } from "sst/constructs";
import { appMetricNames, Operations } from "../infra/operations";
import { type MarketJobFunctions, MarketSchedules, scheduleRates } from "../infra/schedules";
import { allowSendingEmail } from "./Api";
import { Monitoring } from "./Monitoring";
import { Storage } from "./Storage";
import { useStage } from "./stage";
import { Workflows } from "./Workflows";

/** Each job's Lambda timeout: below its interval, so a run never overlaps the next one. */
const jobTimeouts: Record<keyof MarketJobFunctions, Duration> = {
  marketSync: Duration.minutes(4),
  resolutionPoll: Duration.seconds(50),
  // Two passes 30 s apart: the second starts at 30 s and must end before the next tick.
  oddsRefresh: Duration.seconds(58),
  ranking: Duration.minutes(10),
  reconcile: Duration.minutes(15),
  expiry: Duration.minutes(15),
};

/** The EventBridge schedules of the jobs (`packages/functions/src/handlers/jobs.ts`). */
export function Schedules({ app, stack }: StackContext) {
  const { table } = use(Storage);
  const { topic, failedRuns, deadLetters } = use(Monitoring);
  const { settlementStateMachine, sessionStateMachine } = use(Workflows);
  const alarms = new Operations(stack, "ScheduleAlarms", { topic });

  const job = (
    id: string,
    name: keyof MarketJobFunctions,
    options: { startsSettlements?: boolean; oneAtATime?: boolean } = {},
  ) => {
    const fn = new LambdaFunction(stack, id, {
      handler: `packages/functions/src/handlers/jobs.${name}`,
      timeout: jobTimeouts[name].toSeconds(),
      // One run at a time (and each ends before the next tick): two runs never overlap.
      ...(options.oneAtATime ? { reservedConcurrentExecutions: 1 } : {}),
      environment: {
        TABLE_NAME: table.tableName,
        SETTLEMENT_STATE_MACHINE_ARN: settlementStateMachine.stateMachineArn,
        SESSION_STATE_MACHINE_ARN: sessionStateMachine.stateMachineArn,
      },
    });
    table.grantReadWriteData(fn);
    if (options.startsSettlements) settlementStateMachine.grantStartExecution(fn);
    // Not retried (the next tick does the same idempotent work); a failed run is kept in FailedRuns.
    fn.configureAsyncInvoke({
      onFailure: new SqsDestination(failedRuns),
      retryAttempts: 0,
      // A run held back (throttled) longer than one interval is dropped: the next tick does it.
      maxEventAge: Duration.seconds(
        Math.min(21_600, Math.max(60, scheduleRates[name].toSeconds())),
      ),
    });
    alarms.watchFunction(id, fn);
    return fn;
  };

  const jobs: MarketJobFunctions = {
    marketSync: job("MarketSync", "marketSync", { startsSettlements: true, oneAtATime: true }),
    resolutionPoll: job("ResolutionPoll", "resolutionPoll", {
      startsSettlements: true,
      oneAtATime: true,
    }),
    oddsRefresh: job("OddsRefresh", "oddsRefresh", { startsSettlements: true, oneAtATime: true }),
    ranking: job("Ranking", "ranking"),
    reconcile: job("Reconcile", "reconcile"),
    expiry: job("Expiry", "expiry"),
  };
  new MarketSchedules(stack, "MarketJobs", { jobs, deadLetterQueue: deadLetters(stack) });

  // Leaderboard stats, rank marks and analytics counters follow the table's stream
  // (packages/core/src/derived), off the request path: batches, bisected on error,
  // a batch that keeps failing kept in FailedRuns, and an alarm when it falls behind.
  if (!table.tableStreamArn) {
    throw new Error(
      "The table has no stream for the derived-data consumer: a restored table (`tableName`) needs `tableStreamArn` too (docs/deploy.md, Restore)",
    );
  }
  const derived = new LambdaFunction(stack, "DerivedData", {
    handler: "packages/functions/src/handlers/derived.handler",
    timeout: 60,
    // The payout emails of won bets (to the users who asked): SES, as the API sends.
    environment: { TABLE_NAME: table.tableName, EMAIL_TRANSPORT: "ses" },
  });
  table.grantReadWriteData(derived);
  allowSendingEmail(stack, derived, useStage(app).config.EMAIL_FROM);
  derived.addEventSource(
    new DynamoEventSource(table, {
      startingPosition: StartingPosition.TRIM_HORIZON,
      batchSize: 500,
      maxBatchingWindow: Duration.seconds(1),
      parallelizationFactor: 4,
      bisectBatchOnError: true,
      retryAttempts: 20,
      reportBatchItemFailures: true,
      onFailure: new SqsDlq(failedRuns),
    }),
  );
  alarms.watchFunction("DerivedData", derived);
  alarms.watchIteratorAge("DerivedData", derived);
  alarms.watchAppMetric(
    "ReconcileDifferences",
    appMetricNames.reconcileDifferences,
    "The daily reconcile found balances that differ from their ledger entries.",
    Duration.days(1),
  );
  return { derived };
}
