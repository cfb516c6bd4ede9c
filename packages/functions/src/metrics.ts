import { Metrics, MetricUnit } from "@aws-lambda-powertools/metrics";

/** The one EMF metrics instance (namespace `CreditsMarket`). */
export const metrics = new Metrics({ namespace: "CreditsMarket", serviceName: "credits-market" });

/**
 * Per-model outcome metrics (success, failure, latency), flushed at once as an
 * EMF line: CloudWatch turns it into metrics in AWS; locally it is a log line.
 */
export function modelMetrics(
  modelId: string,
  outcome: "success" | "failure" | "attempt_failure",
  latencyMs?: number,
): void {
  if (process.env.LOG_LEVEL === "SILENT") return;
  const single = metrics.singleMetric();
  single.addDimension("model", modelId);
  single.addMetric(`model_${outcome}`, MetricUnit.Count, 1);
  if (latencyMs !== undefined)
    single.addMetric("model_latency", MetricUnit.Milliseconds, latencyMs);
}
