import { Duration, Stack } from "aws-cdk-lib";
import {
  Dashboard,
  GraphWidget,
  type IWidget,
  type MathExpression,
  Metric,
  TextWidget,
} from "aws-cdk-lib/aws-cloudwatch";
import type { IFunction } from "aws-cdk-lib/aws-lambda";
import type { IStateMachine } from "aws-cdk-lib/aws-stepfunctions";
import { Construct } from "constructs";
import { appMetricNames, Operations } from "./operations";

export interface OperationsDashboardProps {
  httpApiId: string;
  tableName: string;
  settlement: IStateMachine;
  sessions: IStateMachine;
}

const minute = Duration.minutes(1);

/**
 * The stage's CloudWatch dashboard: traffic and latency, errors, bets,
 * settlement, workflows, refunds, DynamoDB throttles; a stream consumer adds
 * its iterator age with `addStreamConsumer`.
 */
export class OperationsDashboard extends Construct {
  readonly dashboard: Dashboard;
  private streamAges: Metric[] = [];
  private readonly streamWidget: GraphWidget;

  constructor(scope: Construct, id: string, props: OperationsDashboardProps) {
    super(scope, id);
    const api = (metricName: string, statistic = "Sum") =>
      new Metric({
        namespace: "AWS/ApiGateway",
        metricName,
        dimensionsMap: { ApiId: props.httpApiId, Stage: "$default" },
        period: minute,
        statistic,
        label: statistic === "Sum" ? metricName : `${metricName} ${statistic}`,
      });
    const table = (metricName: string) =>
      new Metric({
        namespace: "AWS/DynamoDB",
        metricName,
        dimensionsMap: { TableName: props.tableName },
        period: minute,
        statistic: "Sum",
      });
    const app = (metricName: string) => Operations.appMetric(metricName, minute);
    const graph = (title: string, left: (Metric | MathExpression)[]) =>
      new GraphWidget({ title, left, width: 8, height: 6 });

    this.streamWidget = graph("Stream iterator age (ms)", []);
    const widgets: IWidget[][] = [
      [
        new TextWidget({
          markdown: `# ${Stack.of(this).stackName}\nEvery alarm's runbook: docs/operations.md, under its name.`,
          width: 24,
          height: 2,
        }),
      ],
      [
        graph("Requests per minute", [api("Count")]),
        graph("Latency (ms)", [
          api("Latency", "p50"),
          api("Latency", "p95"),
          api("Latency", "p99"),
        ]),
        graph("Errors per minute (4xx includes 429)", [api("4xx"), api("5xx")]),
      ],
      [
        graph("Bets per minute", [app(appMetricNames.betsPlaced)]),
        graph("Settlement progress (bets settled)", [
          app(appMetricNames.betsSettled),
          props.settlement.metricSucceeded({ period: minute, label: "settlements done" }),
        ]),
        graph("Workflow failures", [
          props.settlement.metricFailed({ period: minute, label: "settlement failed" }),
          props.sessions.metricFailed({ period: minute, label: "sessions failed" }),
          props.sessions.metricTimedOut({ period: minute, label: "sessions timed out" }),
        ]),
      ],
      [
        graph("Refunds", [app(appMetricNames.refunds)]),
        graph("DynamoDB throttles and conflicts", [
          table("ReadThrottleEvents"),
          table("WriteThrottleEvents"),
          table("TransactionConflict"),
        ]),
        this.streamWidget,
      ],
    ];
    this.dashboard = new Dashboard(this, "Dashboard", {
      dashboardName: `${Stack.of(this).stackName}-operations`,
      widgets,
    });
  }

  /** A stream consumer's iterator age on the dashboard (its alarm: `Operations.watchIteratorAge`). */
  addStreamConsumer(name: string, fn: IFunction): void {
    const age = fn.metric("IteratorAge", { period: minute, statistic: "Maximum", label: name });
    this.streamAges.push(age);
    this.streamWidget.addLeftMetric(age);
  }
}
