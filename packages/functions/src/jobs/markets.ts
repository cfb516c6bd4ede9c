import type { CoreContext } from "@market/core";
import { closeExpiredMarkets } from "@market/core/markets";
import { pollResolutions, type SyncReport, syncMarkets } from "@market/core/polymarket";
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

/** The 5-minute market sync (EventBridge in AWS, a timer and an admin route locally). */
export async function runMarketSync(core: CoreContext, services: AppServices): Promise<SyncReport> {
  const started = performance.now();
  const report = await syncMarkets(core, services.gamma, jobOptions("market-sync", services));
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
  const report = await pollResolutions(
    core,
    services.gamma,
    jobOptions("resolution-poll", services),
  );
  logger.info("resolution poll done", { ...report, closed });
  return { ...report, closed };
}
