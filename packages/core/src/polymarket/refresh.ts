import type { CoreContext } from "../context";
import { serviceFor } from "../service";
import type { GammaClient } from "./gamma-client";
import { emptyReport, importPage, type SyncOptions, type SyncReport } from "./sync";

/** How many markets one `/markets?id=…` request re-reads. */
const batchSize = 50;
/** Watches one run reads at most (one Query). */
const maxWatched = 1_000;
/** A watch this young is kept even when no pending bet shows yet (the index lags the bet). */
const keepYoungMs = 5 * 60_000;

export interface OddsRefreshReport extends SyncReport {
  /** Markets on the watch list, and those dropped for having no pending bet left. */
  watched: number;
  dropped: number;
}

/**
 * Re-reads the odds of the mirrored markets people hold pending bets on (the
 * watch list `watchOdds` fills), between the full syncs: every 30 s in the
 * jobs. A watched market with no pending bet left (and watched for more than a
 * few minutes) leaves the list. The markets are read from Gamma by id, 50 a
 * request, and saved as the sync saves them (a final result resolves them).
 */
export async function refreshWatchedOdds(
  ctx: CoreContext,
  gamma: GammaClient,
  options: SyncOptions = {},
): Promise<OddsRefreshReport> {
  const service = serviceFor(ctx.db);
  const { data: watches } = await service.entities.oddsWatch.query
    .all({})
    .go({ limit: maxWatched });
  const youngSince = new Date(ctx.clock().getTime() - keepYoungMs).toISOString();
  const pending = await Promise.all(
    watches.map(async (watch) => {
      if (watch.since > youngSince) return true;
      const { data } = await service.entities.bet.query
        .pendingByMarket({ marketId: watch.marketId, status: "pending" })
        .go({ limit: 1 });
      return data.length > 0;
    }),
  );
  const kept = watches.filter((_, index) => pending[index]);
  const gone = watches.filter((_, index) => !pending[index]);
  if (gone.length > 0) {
    await service.entities.oddsWatch.delete(gone.map(({ marketId }) => ({ marketId }))).go();
  }

  const report: OddsRefreshReport = {
    ...emptyReport(),
    watched: watches.length,
    dropped: gone.length,
  };
  const ids = kept.map((watch) => watch.externalId);
  for (let start = 0; start < ids.length; start += batchSize) {
    const batch = ids.slice(start, start + batchSize);
    const page = await gamma.listMarkets({ limit: batch.length, offset: 0, ids: batch });
    await importPage(ctx, page, report, options, new Map());
  }
  return report;
}
