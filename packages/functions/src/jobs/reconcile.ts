import type { CoreContext } from "@market/core";
import { type ReconcileReport, reconcileAll } from "@market/core/ledger";
import { logger } from "../logger";
import { reconcileMetrics } from "../metrics";

/**
 * The daily ledger reconcile (EventBridge in AWS, a timer and an admin route
 * locally): reads everything, changes nothing, logs and counts what differs.
 */
export async function runReconcile(core: CoreContext): Promise<ReconcileReport> {
  const report = await reconcileAll(core);
  const summary = {
    scanned: report.scanned,
    untrackedTotals: report.untrackedTotals,
    differenceCount: report.differences.length,
  };
  if (report.differences.length > 0) {
    logger.error("ledger reconcile found differences", {
      ...summary,
      differences: report.differences,
    });
  } else {
    logger.info("ledger reconcile: no differences", summary);
  }
  const negativeBalances = report.differences.filter(
    (difference) => difference.kind === "negative_balance",
  ).length;
  reconcileMetrics(report.differences.length, report.scanned.users, negativeBalances);
  return report;
}
