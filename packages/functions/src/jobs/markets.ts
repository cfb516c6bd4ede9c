import type { CoreContext } from "@market/core";
import { closeExpiredMarkets } from "@market/core/markets";
import {
  PolymarketUnavailable,
  pollResolutions,
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
