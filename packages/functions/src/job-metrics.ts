import { MetricUnit } from "@aws-lambda-powertools/metrics";
import { processLogLevel } from "@market/core/config";
import { metrics } from "./metrics";

/**
 * A job's count as one EMF metric in the app's namespace (the alarms in
 * infra/operations.ts watch these by name), emitted at once.
 */
export function jobCountMetric(name: string, value: number): void {
  if (processLogLevel === "SILENT") return;
  metrics.singleMetric().addMetric(name, MetricUnit.Count, value);
}
