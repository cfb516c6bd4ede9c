import { Duration, Stack } from "aws-cdk-lib";
import {
  Alarm,
  ComparisonOperator,
  MathExpression,
  Metric,
  TreatMissingData,
} from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import type { IFunction } from "aws-cdk-lib/aws-lambda";
import type { ITopic } from "aws-cdk-lib/aws-sns";
import type { IQueue } from "aws-cdk-lib/aws-sqs";
import type { IStateMachine } from "aws-cdk-lib/aws-stepfunctions";
import { Construct } from "constructs";

/** The app's EMF metrics (`packages/functions/src/metrics.ts`): namespace and the `service` dimension Powertools adds. */
export const appMetrics = { namespace: "CreditsMarket", service: "credits-market" } as const;

/** Custom metrics the alarms watch, by the job or task that emits them. */
export const appMetricNames = {
  /** The hourly sweeper: sessions it found stuck past the workflow timeout (and refunded). */
  sessionsStuck: "SessionsStuck",
  /** The daily reconcile job: accounts whose balance differs from the sum of their entries. */
  reconcileDifferences: "ReconcileDifferences",
  /** The daily reconcile job: accounts with a negative balance (never allowed). */
  negativeBalances: "NegativeBalances",
  /** The market sync or resolution poll could not reach Polymarket. */
  polymarketUnreachable: "PolymarketUnreachable",
  /** Every bet placed (one per bet; the dashboard's bets per minute). */
  betsPlaced: "BetsPlaced",
  /** Bets a settlement page paid or closed. */
  betsSettled: "BetsSettled",
  /** Refund ledger entries (bets and prediction sessions). */
  refunds: "Refunds",
} as const;

export interface OperationsProps {
  /** Every alarm notifies this topic (the Monitoring stack's, with the stage's alarm email). */
  topic: ITopic;
}

const period = Duration.minutes(5);

/**
 * A stack's alarms, each notifying the stage's alarm topic. One `watch*` call
 * per thing to watch; each alarm's meaning and what to do is in
 * docs/operations.md under the alarm's name.
 */
export class Operations extends Construct {
  readonly topic: ITopic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: OperationsProps) {
    super(scope, id);
    this.topic = props.topic;
  }

  private alarm(
    name: string,
    description: string,
    options: {
      metric: Metric | MathExpression;
      threshold: number;
      evaluationPeriods?: number;
    },
  ): Alarm {
    const alarm = new Alarm(this, name, {
      alarmName: `${Stack.of(this).stackName}-${name}`,
      alarmDescription: `${description} See docs/operations.md, "${name}".`,
      metric: options.metric,
      threshold: options.threshold,
      evaluationPeriods: options.evaluationPeriods ?? 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    // OK too: whoever was paged hears when it cleared.
    alarm.addAlarmAction(new SnsAction(this.topic));
    alarm.addOkAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
    return alarm;
  }

  /** Errors and throttles of one function. */
  watchFunction(name: string, fn: IFunction): void {
    this.alarm(`${name}Errors`, `${name} Lambda returned errors.`, {
      metric: fn.metricErrors({ period, statistic: "Sum" }),
      threshold: 1,
    });
    this.alarm(`${name}Throttles`, `${name} Lambda was throttled.`, {
      metric: fn.metricThrottles({ period, statistic: "Sum" }),
      threshold: 1,
    });
  }

  /** The HTTP API's 5xx rate: at least 5 % of requests over 5 minutes, with at least 20 requests. */
  watchHttpApi(apiId: string, stage = "$default"): void {
    const dimensionsMap = { ApiId: apiId, Stage: stage };
    const apiMetric = (metricName: string) =>
      new Metric({
        namespace: "AWS/ApiGateway",
        metricName,
        dimensionsMap,
        period,
        statistic: "Sum",
      });
    // The PRD's error rate: more than 1 % over 5 minutes.
    this.alarm("Api5xxRate", "The API answered more than 1 % of its requests with a 5xx.", {
      metric: new MathExpression({
        expression: "IF(requests >= 20, 100 * errors / requests, 0)",
        usingMetrics: { errors: apiMetric("5xx"), requests: apiMetric("Count") },
        period,
        label: "5xx %",
      }),
      threshold: 1,
    });
    // 429s (the stage's throttle and the app's limits) are 4xx: a fifth of all requests is not users' typos.
    this.alarm("Api4xxRate", "A fifth or more of the API's requests got a 4xx (429s count here).", {
      metric: new MathExpression({
        expression: "IF(requests >= 100, 100 * errors / requests, 0)",
        usingMetrics: { errors: apiMetric("4xx"), requests: apiMetric("Count") },
        period,
        label: "4xx %",
      }),
      threshold: 20,
    });
    // The PRD's latency: p95 above 1 s, over 5 minutes.
    this.alarm("ApiLatencyP95", "The API's p95 latency was 1 s or more over 5 minutes.", {
      metric: new Metric({
        namespace: "AWS/ApiGateway",
        metricName: "Latency",
        dimensionsMap,
        period,
        statistic: "p95",
      }),
      threshold: 1000,
    });
  }

  /** Throttled reads and writes, and transactions cancelled by a conflict, on the table. */
  watchTable(tableName: string): void {
    const tableMetric = (metricName: string) =>
      new Metric({
        namespace: "AWS/DynamoDB",
        metricName,
        dimensionsMap: { TableName: tableName },
        period,
        statistic: "Sum",
      });
    this.alarm("DynamoDbThrottles", "DynamoDB throttled reads or writes on the table.", {
      metric: new MathExpression({
        expression: "FILL(reads, 0) + FILL(writes, 0)",
        usingMetrics: {
          reads: tableMetric("ReadThrottleEvents"),
          writes: tableMetric("WriteThrottleEvents"),
        },
        period,
        label: "throttle events",
      }),
      threshold: 1,
    });
    // A few conflicts are normal (two bets on one market at once retry); a stream of them is contention.
    this.alarm("TransactionConflicts", "50 or more transactions conflicted in 5 minutes.", {
      metric: tableMetric("TransactionConflict"),
      threshold: 50,
    });
  }

  /** The account's concurrent Lambda executions near its limit (`threshold`, 80 % of the default 1,000). */
  watchLambdaConcurrency(threshold = 800): void {
    this.alarm("LambdaConcurrency", `Lambda ran ${threshold} or more executions at once.`, {
      metric: new Metric({
        namespace: "AWS/Lambda",
        metricName: "ConcurrentExecutions",
        period: Duration.minutes(1),
        statistic: "Maximum",
      }),
      threshold,
      evaluationPeriods: 3,
    });
  }

  /**
   * How far behind a stream consumer (DynamoDB Streams, Kinesis) reads:
   * `watchIteratorAge("RankingStream", fn)` from the stack that adds it.
   */
  watchIteratorAge(name: string, fn: IFunction, thresholdMs = 60_000): void {
    this.alarm(`${name}IteratorAge`, `${name} reads its stream a minute or more late.`, {
      metric: fn.metric("IteratorAge", { period, statistic: "Maximum" }),
      threshold: thresholdMs,
    });
  }

  /** Failed, timed-out and throttled executions of a state machine (`failedThreshold` failures per 5 minutes). */
  watchStateMachine(name: string, machine: IStateMachine, failedThreshold = 1): void {
    this.alarm(`${name}ExecutionsThrottled`, `Step Functions throttled ${name} executions.`, {
      metric: machine.metric("ExecutionThrottled", { period, statistic: "Sum" }),
      threshold: 1,
    });
    this.alarm(`${name}ExecutionsFailed`, `${name} executions failed.`, {
      metric: machine.metricFailed({ period, statistic: "Sum" }),
      threshold: failedThreshold,
    });
    this.alarm(`${name}ExecutionsTimedOut`, `${name} executions timed out.`, {
      metric: machine.metricTimedOut({ period, statistic: "Sum" }),
      threshold: 1,
    });
  }

  /** Any error of the functions that give credits back (the refund task, the status rule, the sweeper). */
  watchRefunds(functions: IFunction[]): void {
    const usingMetrics = Object.fromEntries(
      functions.map((fn, index) => [`f${index}`, fn.metricErrors({ period, statistic: "Sum" })]),
    );
    this.alarm("RefundFailures", "A refund path failed: credits may not have come back yet.", {
      metric: new MathExpression({
        expression: Object.keys(usingMetrics).join(" + "),
        usingMetrics,
        period,
        label: "refund errors",
      }),
      threshold: 1,
    });
  }

  /** A settlement that ended in its Fail state: winning bets may be unpaid. */
  watchSettlement(machine: IStateMachine): void {
    this.alarm("SettlementFailures", "A market settlement failed after its retries.", {
      metric: machine.metricFailed({ period, statistic: "Sum" }),
      threshold: 1,
    });
  }

  /** Messages in a dead-letter / on-failure queue: a scheduled or event-driven run failed for good. */
  watchDeadLetters(name: string, queue: IQueue): void {
    this.alarm(name, "A scheduled or event-driven Lambda run failed after its retries.", {
      metric: queue.metricApproximateNumberOfMessagesVisible({ period, statistic: "Maximum" }),
      threshold: 1,
    });
  }

  /** One of the app's own EMF metrics (summed over 5 minutes, or `periodOverride`). */
  static appMetric(metricName: string, periodOverride: Duration = period): Metric {
    return new Metric({
      namespace: appMetrics.namespace,
      metricName,
      dimensionsMap: { service: appMetrics.service },
      period: periodOverride,
      statistic: "Sum",
    });
  }

  /** An alarm on one of the app's own EMF metrics (summed over 5 minutes, or `periodOverride`). */
  watchAppMetric(
    name: string,
    metricName: string,
    description: string,
    periodOverride: Duration = period,
    threshold = 1,
  ): void {
    this.alarm(name, description, {
      metric: Operations.appMetric(metricName, periodOverride),
      threshold,
    });
  }
}
