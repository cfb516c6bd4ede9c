import type { CoreContext } from "@market/core";
import { type AggregateReport, compareAggregates } from "@market/core/derived";
import { type ReconcileReport, reconcileAll } from "@market/core/ledger";
import { logger } from "../logger";
import { reconcileMetrics } from "../metrics";

/**
 * The daily ledger reconcile (EventBridge in AWS, a timer and an admin route
 * locally): reads everything, changes nothing, logs and counts what differs.
 * It also compares the derived numbers (leaderboard stats, day counters) with
 * their recomputation from the ledger and the bets; a change the stream
 * consumer has not read yet shows there until it has.
 */
export async function runReconcile(
  core: CoreContext,
): Promise<ReconcileReport & { derived: AggregateReport }> {
  const [report, derived] = await Promise.all([reconcileAll(core), compareAggregates(core)]);
  if (derived.differences.length > 0) {
    logger.warn("derived numbers differ from their recomputation", {
      checked: derived.checked,
      differences: derived.differences.slice(0, 50),
    });
  }
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
  return { ...report, derived };
}
