import { Duration } from "aws-cdk-lib";
import { Rule, Schedule } from "aws-cdk-lib/aws-events";
import { LambdaFunction } from "aws-cdk-lib/aws-events-targets";
import type { IFunction } from "aws-cdk-lib/aws-lambda";
import type { IQueue } from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";

/** The scheduled jobs, by their handler export in `packages/functions/src/handlers/jobs.ts`. */
export interface MarketJobFunctions {
  marketSync: IFunction;
  resolutionPoll: IFunction;
  /** Runs two passes 30 s apart per invocation (a schedule fires at most once a minute). */
  oddsRefresh: IFunction;
  ranking: IFunction;
  reconcile: IFunction;
  expiry: IFunction;
}

export interface MarketSchedulesProps {
  jobs: MarketJobFunctions;
  /** Where EventBridge puts an event it could not deliver to its function. */
  deadLetterQueue?: IQueue;
}

/** How often each job runs in AWS (locally the runner's timers; docs/operations.md). */
export const scheduleRates: Record<keyof MarketJobFunctions, Duration> = {
  marketSync: Duration.minutes(5),
  resolutionPoll: Duration.minutes(1),
  oddsRefresh: Duration.minutes(1),
  ranking: Duration.minutes(15),
  reconcile: Duration.days(1),
  expiry: Duration.days(1),
};

const descriptions: Record<keyof MarketJobFunctions, string> = {
  marketSync: "Mirror Polymarket markets and odds",
  resolutionPoll: "Resolve Polymarket markets whose result became final",
  oddsRefresh: "Refresh the odds of markets with pending bets, twice a minute",
  ranking: "Recompute the leaderboards and ranks",
  reconcile: "Check every balance against the sum of its ledger entries",
  expiry: "Expire inactive balances (only with CREDIT_EXPIRY_INACTIVE_DAYS set)",
};

/**
 * EventBridge rules that run the jobs. A run that fails is not retried by
 * EventBridge: the next tick comes soon and does the same idempotent work.
 */
export class MarketSchedules extends Construct {
  readonly rules: Record<keyof MarketJobFunctions, Rule>;

  constructor(scope: Construct, id: string, props: MarketSchedulesProps) {
    super(scope, id);
    const rule = (job: keyof MarketJobFunctions, ruleId: string) =>
      new Rule(this, ruleId, {
        description: descriptions[job],
        schedule: Schedule.rate(scheduleRates[job]),
        targets: [
          new LambdaFunction(props.jobs[job], {
            retryAttempts: 0,
            ...(props.deadLetterQueue ? { deadLetterQueue: props.deadLetterQueue } : {}),
          }),
        ],
      });
    this.rules = {
      marketSync: rule("marketSync", "MarketSync"),
      resolutionPoll: rule("resolutionPoll", "ResolutionPoll"),
      oddsRefresh: rule("oddsRefresh", "OddsRefresh"),
      ranking: rule("ranking", "Ranking"),
      reconcile: rule("reconcile", "Reconcile"),
      expiry: rule("expiry", "Expiry"),
    };
  }
}
