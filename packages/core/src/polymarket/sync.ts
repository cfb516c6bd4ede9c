import type { CoreContext } from "../context";
import type { MarketItem } from "../entities/market";
import { MarketAlreadyResolved } from "../markets/errors";
import { resolveMarket } from "../markets/market";
import { type MarketFields, storeMarket } from "../markets/save";
import { serviceFor } from "../service";
import type { GammaClient } from "./gamma-client";
import { backfillOddsHistory } from "./history/backfill";
import type { ClobClient } from "./history/clob-client";
import { type ImportedMarket, mapGammaPage } from "./mapping";

export interface SyncReport {
  fetched: number;
  upserted: number;
  unchanged: number;
  skipped: number;
  resolved: number;
  needsReview: number;
  failed: number;
  /** Markets whose price history was copied this run, and those whose copy failed (tried again next run). */
  historyBackfilled: number;
  historyFailed: number;
  skippedReasons: Record<string, number>;
}

export interface SyncOptions {
  /** Called for each market this run resolved, to start its settlement. */
  onResolved?: ((marketId: string) => Promise<unknown>) | undefined;
  pageSize?: number | undefined;
  maxPages?: number | undefined;
  closed?: boolean | undefined;
  /** Where to report a record that could not be stored (the job goes on). */
  onError?: ((error: unknown, externalId: string) => void) | undefined;
  /** Where price histories come from; without it no history is copied. */
  history?: ClobClient | undefined;
  /** Histories one run copies at most; the rest wait for the next run (default 100). */
  maxBackfills?: number | undefined;
}

/** Polymarket markets are stored under an id derived from theirs: seen twice, stored once. */
export function polymarketMarketId(externalId: string): string {
  return `pm_${externalId}`;
}

/**
 * Mirrors Gamma `/markets` pages into the table: validated and mapped records
 * are upserted (moving odds leave snapshots), final results resolve the market
 * once, and bad records are skipped and counted without stopping the job.
 */
export async function syncMarkets(
  ctx: CoreContext,
  client: GammaClient,
  options: SyncOptions = {},
): Promise<SyncReport> {
  const report = emptyReport();
  const newest = new Map<string, string | null>();
  for await (const page of client.pages({
    pageSize: options.pageSize ?? 100,
    ...(options.maxPages ? { maxPages: options.maxPages } : {}),
    ...(options.closed === undefined ? {} : { closed: options.closed }),
  })) {
    await importPage(ctx, page, report, options, newest);
  }
  // Every market this run saw is confirmed as of now, changed or not (cash-out's odds age).
  await serviceFor(ctx.db)
    .entities.mirrorSync.upsert({ source: "polymarket", finishedAt: ctx.clock().toISOString() })
    .go();
  return report;
}

export function emptyReport(): SyncReport {
  return {
    fetched: 0,
    upserted: 0,
    unchanged: 0,
    skipped: 0,
    resolved: 0,
    needsReview: 0,
    failed: 0,
    historyBackfilled: 0,
    historyFailed: 0,
    skippedReasons: {},
  };
}

/** Maps, upserts and (when final) resolves one page of Gamma markets, counting into `report`. */
export async function importPage(
  ctx: CoreContext,
  page: unknown[],
  report: SyncReport,
  options: SyncOptions,
  newest: Map<string, string | null>,
): Promise<void> {
  {
    report.fetched += page.length;
    const { markets, skipped } = mapGammaPage(page);
    report.skipped += skipped.length;
    for (const skip of skipped) {
      report.skippedReasons[skip.reason] = (report.skippedReasons[skip.reason] ?? 0) + 1;
    }
    for (const market of markets) {
      // Offset paging can show a market twice in one run; an older copy changes nothing.
      const seen = newest.get(market.externalId);
      if (seen !== undefined && (market.sourceUpdatedAt ?? "") < (seen ?? "")) {
        report.unchanged += 1;
        continue;
      }
      newest.set(market.externalId, market.sourceUpdatedAt);
      try {
        await importMarket(ctx, market, report, options);
      } catch (error) {
        report.failed += 1;
        options.onError?.(error, market.externalId);
      }
    }
  }
}

/** How many markets one `/markets?id=…` request re-checks. */
const pollBatchSize = 50;

/**
 * Re-checks the Polymarket markets that may have a result by now (open past
 * their end date, or closed) and resolves those whose result is final. Each is
 * one indexed Query; the Gamma calls go by id, 50 at a time.
 */
export async function pollResolutions(
  ctx: CoreContext,
  client: GammaClient,
  options: SyncOptions = {},
): Promise<SyncReport & { checked: number }> {
  const markets = serviceFor(ctx.db).entities.market;
  const now = ctx.clock().toISOString();
  const [expired, closed] = await Promise.all([
    markets.query
      .byStatusExpiry({ status: "open" })
      .lt({ expiresAt: now })
      .where((item, { eq }) => eq(item.marketType, "polymarket"))
      .go({ pages: "all" }),
    markets.query
      .byStatusExpiry({ status: "closed" })
      .where((item, { eq }) => eq(item.marketType, "polymarket"))
      .go({ pages: "all" }),
  ]);
  const ids = [...expired.data, ...closed.data]
    .map((market) => market.externalId)
    .filter((id): id is string => Boolean(id));
  const report = { ...emptyReport(), checked: ids.length };
  for (let start = 0; start < ids.length; start += pollBatchSize) {
    const batch = ids.slice(start, start + pollBatchSize);
    const page = await client.listMarkets({ limit: batch.length, offset: 0, ids: batch });
    await importPage(ctx, page, report, options, new Map());
  }
  return report;
}

async function importMarket(
  ctx: CoreContext,
  market: ImportedMarket,
  report: SyncReport,
  options: SyncOptions,
): Promise<void> {
  const marketId = polymarketMarketId(market.externalId);
  const { outcome, market: stored } = await storeMarket(
    ctx,
    marketId,
    "polymarket",
    toFields(market),
  );
  if (outcome === "unchanged") report.unchanged += 1;
  else report.upserted += 1;
  if (stored) await backfillOnce(ctx, stored, report, options);

  if (market.result.state === "needs_review") report.needsReview += 1;
  if (market.result.state !== "final") return;
  try {
    await resolveMarket(ctx, marketId, market.result.resolution);
  } catch (error) {
    if (error instanceof MarketAlreadyResolved) return;
    throw error;
  }
  report.resolved += 1;
  await options.onResolved?.(marketId);
}

/**
 * A market's history before we saw it, copied once (`historyBackfilledAt`). A
 * failing or slow CLOB costs only the history: the market is saved already,
 * keeps the snapshots it had, and the next run tries again.
 */
async function backfillOnce(
  ctx: CoreContext,
  market: MarketItem,
  report: SyncReport,
  options: SyncOptions,
): Promise<void> {
  if (!options.history || market.historyBackfilledAt || !market.clobTokenId) return;
  const tried = report.historyBackfilled + report.historyFailed;
  if (tried >= (options.maxBackfills ?? defaultMaxBackfills)) return;
  try {
    await backfillOddsHistory(ctx, options.history, market);
    report.historyBackfilled += 1;
  } catch (error) {
    report.historyFailed += 1;
    options.onError?.(error, market.externalId ?? market.marketId);
  }
}

const defaultMaxBackfills = 100;

function toFields(market: ImportedMarket): MarketFields {
  const { closed, closedAt: _closedAt, result: _result, thisTokenId, ...fields } = market;
  return { ...fields, clobTokenId: thisTokenId, status: closed ? "closed" : "open" };
}
