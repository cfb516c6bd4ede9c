import { MetricUnit } from "@aws-lambda-powertools/metrics";
import { metrics } from "./metrics";

/**
 * A job's count as one EMF metric in the app's namespace (the alarms in
 * infra/operations.ts watch these by name), emitted at once.
 */
export function jobCountMetric(name: string, value: number): void {
  if (process.env.LOG_LEVEL === "SILENT") return;
  metrics.singleMetric().addMetric(name, MetricUnit.Count, value);
}
