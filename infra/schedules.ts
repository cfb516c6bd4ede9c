import { Duration } from "aws-cdk-lib";
import { Rule, Schedule } from "aws-cdk-lib/aws-events";
import { LambdaFunction } from "aws-cdk-lib/aws-events-targets";
import type { IFunction } from "aws-cdk-lib/aws-lambda";
import { Construct } from "constructs";

export interface MarketSchedulesProps {
  marketSync: IFunction;
  resolutionPoll: IFunction;
}

/** How often each market job runs (architecture §2; locally the runner's timers). */
export const scheduleRates = {
  marketSync: Duration.minutes(5),
  resolutionPoll: Duration.minutes(1),
} as const;

/**
 * EventBridge rules that run the market jobs. A run that fails is not retried
 * by EventBridge: the next tick comes soon and does the same idempotent work.
 */
export class MarketSchedules extends Construct {
  readonly marketSyncRule: Rule;
  readonly resolutionPollRule: Rule;

  constructor(scope: Construct, id: string, props: MarketSchedulesProps) {
    super(scope, id);
    this.marketSyncRule = new Rule(this, "MarketSync", {
      description: "Mirror Polymarket markets and odds",
      schedule: Schedule.rate(scheduleRates.marketSync),
      targets: [new LambdaFunction(props.marketSync, { retryAttempts: 0 })],
    });
    this.resolutionPollRule = new Rule(this, "ResolutionPoll", {
      description: "Resolve Polymarket markets whose result became final",
      schedule: Schedule.rate(scheduleRates.resolutionPoll),
      targets: [new LambdaFunction(props.resolutionPoll, { retryAttempts: 0 })],
    });
  }
}
