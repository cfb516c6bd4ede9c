import type { CoreContext } from "../context";
import type { MarketItem } from "../entities/market";
import { scanTable } from "../scan";
import { serviceFor } from "../service";
import { searchTokens } from "./search";

export interface SearchReindexOptions {
  /** Report what would change and write nothing. */
  dryRun?: boolean | undefined;
  /** Parallel Scan segments. */
  segments?: number | undefined;
}

export interface SearchReindexReport {
  markets: number;
  /** Markets whose index items changed (or, on a dry run, would). */
  marketsChanged: number;
  tokensAdded: number;
  tokensRemoved: number;
}

/**
 * Makes every market's search index match `searchTokens` of its title (`npm run
 * migrate:search-tokens`): after the index learned prefixes and other names,
 * markets indexed before have whole words only. One parallel Scan of markets
 * and their index items (a script's job, never a request path's); then per
 * market the missing items are put and the ones no longer wanted deleted.
 * Safe to run again: a market already right writes nothing. Run it when the
 * market jobs are quiet (a title changed meanwhile is right after the next sync).
 */
export async function reindexMarketSearch(
  ctx: CoreContext,
  options: SearchReindexOptions = {},
): Promise<SearchReindexReport> {
  const markets = new Map<string, MarketItem>();
  const indexed = new Map<string, Set<string>>();
  await scanTable(
    ctx,
    { segments: options.segments ?? 4, entity: ["market", "marketSearchToken"] },
    (items) => {
      for (const item of items) {
        const marketId = String(item.marketId);
        if (item.__edb_e__ === "market") markets.set(marketId, item as unknown as MarketItem);
        else {
          const tokens = indexed.get(marketId) ?? new Set<string>();
          tokens.add(String(item.token));
          indexed.set(marketId, tokens);
        }
      }
    },
  );
  const entity = serviceFor(ctx.db).entities.marketSearchToken;
  const report: SearchReindexReport = {
    markets: markets.size,
    marketsChanged: 0,
    tokensAdded: 0,
    tokensRemoved: 0,
  };
  for (const market of markets.values()) {
    const wanted = searchTokens(market.title);
    const have = indexed.get(market.marketId) ?? new Set<string>();
    const missing = wanted.filter((token) => !have.has(token));
    const stale = [...have].filter((token) => !wanted.includes(token));
    if (missing.length === 0 && stale.length === 0) continue;
    report.marketsChanged += 1;
    report.tokensAdded += missing.length;
    report.tokensRemoved += stale.length;
    if (options.dryRun) continue;
    if (stale.length > 0) {
      await entity.delete(stale.map((token) => ({ token, marketId: market.marketId }))).go();
    }
    if (missing.length > 0) {
      await entity
        .put(
          missing.map((token) => ({
            token,
            marketId: market.marketId,
            status: market.status,
            trendingRank: market.trendingRank,
          })),
        )
        .go();
    }
  }
  return report;
}
