import type { CoreContext } from "@market/core";
import { closeExpiredMarkets } from "@market/core/markets";
import {
  type OddsRefreshReport,
  PolymarketUnavailable,
  pollResolutions,
  refreshWatchedOdds,
  type SyncReport,
  syncMarkets,
} from "@market/core/polymarket";
import { jobCountMetric } from "../job-metrics";
import { logger } from "../logger";
import type { AppServices } from "../services";

function jobOptions(job: string, services: AppServices) {
  return {
    onResolved: async (marketId: string) => {
      const { executionName } = await services.settlement.start(marketId);
      logger.info("market resolved; settlement started", { job, marketId, executionName });
    },
    onError: (error: unknown, externalId: string) => {
      logger.error("market record not stored", { job, externalId, error });
    },
  };
}

/** A job's Polymarket call failed for want of Polymarket: counted (`PolymarketUnreachable`, alarmed), then thrown. */
async function countingUnreachable<T>(run: Promise<T>): Promise<T> {
  try {
    return await run;
  } catch (error) {
    if (error instanceof PolymarketUnavailable) jobCountMetric("PolymarketUnreachable", 1);
    throw error;
  }
}

/** The 5-minute market sync (EventBridge in AWS, a timer and an admin route locally). */
export async function runMarketSync(core: CoreContext, services: AppServices): Promise<SyncReport> {
  const started = performance.now();
  const report = await countingUnreachable(
    syncMarkets(core, services.gamma, {
      ...jobOptions("market-sync", services),
      history: services.clob,
      maxBackfills: core.config.ODDS_BACKFILLS_PER_SYNC,
    }),
  );
  logger.info("market sync done", {
    ...report,
    durationMs: Math.round(performance.now() - started),
  });
  return report;
}

/**
 * The 1-minute resolution poll: first every open market past its end date moves
 * to `closed` (so it lists there until it resolves), then the markets that may
 * have a result are re-checked at Polymarket.
 */
export async function runResolutionPoll(
  core: CoreContext,
  services: AppServices,
): Promise<SyncReport & { checked: number; closed: number }> {
  const closed = await closeExpiredMarkets(core);
  const report = await countingUnreachable(
    pollResolutions(core, services.gamma, jobOptions("resolution-poll", services)),
  );
  logger.info("resolution poll done", { ...report, closed });
  return { ...report, closed };
}

/**
 * The 30-second odds refresh of markets with pending bets (locally a timer; in
 * AWS a 1-minute schedule whose run makes two passes, `oddsRefreshTwice`).
 */
export async function runOddsRefresh(
  core: CoreContext,
  services: AppServices,
): Promise<OddsRefreshReport> {
  const report = await countingUnreachable(
    refreshWatchedOdds(core, services.gamma, jobOptions("odds-refresh", services)),
  );
  logger.info("odds refresh done", { ...report });
  return report;
}

/**
 * Two odds refreshes 30 s apart, for a schedule that cannot fire more often
 * than once a minute: the second starts 30 s after the first did (at once if
 * the first took longer). A failed first pass does not stop the second.
 */
export async function oddsRefreshTwice(
  core: CoreContext,
  services: AppServices,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((done) => setTimeout(done, ms)),
): Promise<{ passes: number; failed: number }> {
  const started = Date.now();
  let failed = 0;
  const pass = () =>
    runOddsRefresh(core, services).catch((error: unknown) => {
      failed += 1;
      logger.error("odds refresh failed", { error });
    });
  await pass();
  await sleep(Math.max(0, 30_000 - (Date.now() - started)));
  await pass();
  return { passes: 2, failed };
}
