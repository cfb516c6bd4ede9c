import { Duration } from "aws-cdk-lib";
import { type StackContext, use } from "sst/constructs";
import { OperationsDashboard } from "../infra/dashboard";
import { appMetricNames, Operations } from "../infra/operations";
import { Api } from "./Api";
import { Monitoring } from "./Monitoring";
import { Schedules } from "./Schedules";
import { Storage } from "./Storage";
import { Workflows } from "./Workflows";

/**
 * What watches the stage as a whole: the dashboard, and the alarms on the
 * table, the account's Lambda concurrency, Polymarket and the balances, and
 * how far the derived-data consumer reads behind the table's stream.
 */
export function Observability({ stack }: StackContext) {
  const { table } = use(Storage);
  const { topic } = use(Monitoring);
  const { api } = use(Api);
  const { settlementStateMachine, sessionStateMachine } = use(Workflows);
  const alarms = new Operations(stack, "StageAlarms", { topic });

  alarms.watchTable(table.tableName);
  alarms.watchLambdaConcurrency();
  alarms.watchAppMetric(
    "PolymarketUnreachable",
    appMetricNames.polymarketUnreachable,
    "The market sync or the resolution poll could not reach Polymarket 3 times in 15 minutes.",
    Duration.minutes(15),
    3,
  );
  alarms.watchAppMetric(
    "NegativeBalances",
    appMetricNames.negativeBalances,
    "The daily reconcile found an account with a negative balance.",
    Duration.days(1),
  );
  const dashboard = new OperationsDashboard(stack, "Operations", {
    httpApiId: api.httpApiId,
    tableName: table.tableName,
    settlement: settlementStateMachine,
    sessions: sessionStateMachine,
  });
  dashboard.addStreamConsumer("DerivedData", use(Schedules).derived);
  stack.addOutputs({ DashboardName: dashboard.dashboard.dashboardName });
  return { alarms, dashboard };
}
