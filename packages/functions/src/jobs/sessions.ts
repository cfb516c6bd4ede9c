import type { CoreContext } from "@market/core";
import { sweepStuckSessions } from "@market/core/predictions";
import { jobCountMetric } from "../job-metrics";
import { logger } from "../logger";

/** The hourly stuck-session sweeper (EventBridge in AWS, a timer and an admin route locally). */
export async function runSessionSweep(core: CoreContext) {
  const report = await sweepStuckSessions(core);
  // The SessionsStuck alarm watches this (infra/operations.ts).
  jobCountMetric("SessionsStuck", report.found);
  if (report.found > 0) logger.warn("stuck sessions swept", { ...report, path: "sweeper" });
  return report;
}
