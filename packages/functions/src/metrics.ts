import { Metrics, MetricUnit } from "@aws-lambda-powertools/metrics";
import { processLogLevel } from "@market/core/config";
import type { LedgerPosting } from "@market/core/ledger";
import { onLedgerPosting } from "@market/core/ledger/observers";
import { logger } from "./logger";

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
  if (processLogLevel === "SILENT") return;
  const single = metrics.singleMetric();
  single.addDimension("model", modelId);
  single.addMetric(`model_${outcome}`, MetricUnit.Count, 1);
  if (latencyMs !== undefined)
    single.addMetric("model_latency", MetricUnit.Milliseconds, latencyMs);
}

/**
 * The reconcile job's outcome: `ReconcileDifferences` (alarm when > 0) and the
 * users it checked, flushed at once as one EMF line.
 */
export function reconcileMetrics(differences: number, users: number, negativeBalances = 0): void {
  if (processLogLevel === "SILENT") return;
  const single = metrics.singleMetric();
  single.addMetric("ReconcileDifferences", MetricUnit.Count, differences);
  single.addMetric("ReconcileUsersChecked", MetricUnit.Count, users);
  single.addMetric("NegativeBalances", MetricUnit.Count, negativeBalances);
}

const refundTypes = new Set(["bet_refund", "prediction_refund"]);

/**
 * One structured log line and one EMF line per committed credit movement, by
 * ledger type: `CreditsIssued` / `CreditsSpent` (credits), `CreditMovements`,
 * `BetsPlaced` and `Refunds` (counts), and `CreditsForfeited` at the cap.
 */
export function creditMovementMetrics(posting: LedgerPosting): void {
  if (processLogLevel === "SILENT") return;
  logger.info("credit movement", {
    userId: posting.userId,
    type: posting.type,
    amount: posting.amount,
    balanceAfter: posting.balanceAfter,
    referenceId: posting.referenceId,
    ...(posting.forfeited ? { forfeited: posting.forfeited } : {}),
  });
  const single = metrics.singleMetric();
  single.addDimension("type", posting.type);
  single.addMetric("CreditMovements", MetricUnit.Count, 1);
  if (posting.amount > 0) single.addMetric("CreditsIssued", MetricUnit.Count, posting.amount);
  if (posting.amount < 0) single.addMetric("CreditsSpent", MetricUnit.Count, -posting.amount);
  if (posting.type === "bet_placed") single.addMetric("BetsPlaced", MetricUnit.Count, 1);
  if (refundTypes.has(posting.type)) single.addMetric("Refunds", MetricUnit.Count, 1);
  if (posting.forfeited) single.addMetric("CreditsForfeited", MetricUnit.Count, posting.forfeited);
}

let observing = false;

/** Sends every credit movement of this process to `creditMovementMetrics` (idempotent). */
export function observeCreditMovements(): void {
  if (observing) return;
  observing = true;
  onLedgerPosting(creditMovementMetrics);
}

/** Settlement throughput: bets settled by one page, by outcome. */
export function settlementMetrics(settled: number, outcomes: Record<string, number>): void {
  if (processLogLevel === "SILENT") return;
  const single = metrics.singleMetric();
  single.addMetric("BetsSettled", MetricUnit.Count, settled);
  for (const [outcome, count] of Object.entries(outcomes)) {
    single.addMetric(`BetsSettled_${outcome.replace(/\s+/g, "_")}`, MetricUnit.Count, count);
  }
}

/** A click or view the web app reports (`POST /events`). */
export interface UiEvent {
  name: string;
  uiSurface: string;
  marketId: string;
  /** The signed-in user, when there is one. */
  userId?: string | undefined;
}

/**
 * One structured log line (`ui event`, with every field) and one EMF line
 * (`UiEvents`, by event name and surface) per analytics event from the web app.
 */
export function uiEventMetrics(event: UiEvent): void {
  logger.info("ui event", { ...event });
  // EMF lines go to stdout whatever the log level: none in silent runs (tests).
  if (processLogLevel === "SILENT") return;
  const single = metrics.singleMetric();
  single.addDimensions({ event: event.name, uiSurface: event.uiSurface });
  single.addMetric("UiEvents", MetricUnit.Count, 1);
}
