import type { CoreContext } from "@market/core";
import { type RankingReport, runRanking } from "@market/core/leaderboard";
import { logger } from "../logger";

/**
 * The ranking job: every 15 minutes (EventBridge in AWS, a timer locally), after
 * each market's settlement, and on `POST /admin/jobs/ranking`.
 */
export async function runRankingJob(
  core: CoreContext,
  trigger: string,
): Promise<RankingReport & { durationMs: number }> {
  const started = performance.now();
  const report = await runRanking(core);
  const result = { ...report, durationMs: Math.round(performance.now() - started) };
  logger.info("ranking done", { trigger, ...result });
  return result;
}
