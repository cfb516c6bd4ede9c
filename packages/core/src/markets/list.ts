import type { CoreContext } from "../context";
import type { MarketItem, MarketStatus } from "../entities/market";
import { pageSizes } from "../limits";
import { listPage, type Page, type PageRequest, scopeOf, sourceOf } from "../paging";
import { serviceFor } from "../service";
import { countMarkets } from "./counts";
import { categoryKey, type MarketView, toMarketView } from "./market";
import { searchMarkets } from "./search";
import { closeExpiredOnRead } from "./status";

export const marketSorts = ["trending", "liquidity", "expires_soon"] as const;
export type MarketSort = (typeof marketSorts)[number];

export interface ListMarketsInput extends PageRequest {
  status?: MarketStatus | undefined;
  category?: string | undefined;
  type?: MarketItem["marketType"] | undefined;
  sort?: MarketSort | undefined;
  q?: string | undefined;
}

export type MarketPage = Page<MarketView>;

/**
 * One page of markets with the list's `total`. Every combination is a Query on
 * one of six GSIs (status, or status + category, by trending, liquidity or
 * expiry) with a `Limit` of the page; the total is the list's counter. `q` goes
 * through the search-token index instead (`searchMarkets`). The open and closed
 * lists first close what has expired since the last poll (`closeExpiredOnRead`,
 * one page at most), so both lists and their totals agree with the end dates;
 * the counter and the next end date are kept per process for
 * `MARKET_LIST_STATE_SECONDS` (`list-state.ts`): one Query a list, mostly.
 * With `MARKET_LIST_CACHE_SECONDS` set, a process answers the same page from
 * memory for that long (docs/capacity.md): a new market or new odds show up a
 * few seconds later, as they do through the edge cache.
 */
export async function listMarkets(ctx: CoreContext, input: ListMarketsInput): Promise<MarketPage> {
  const seconds = ctx.config.MARKET_LIST_CACHE_SECONDS;
  if (seconds === 0 || input.q?.trim()) return readMarkets(ctx, input);
  const key = cacheKeyOf(ctx, input);
  const now = ctx.clock().getTime();
  const held = recentPages.get(key);
  if (held && now - held.at < seconds * 1000) return held.page;
  // Requests that arrive while the read runs share it.
  const page = readMarkets(ctx, input);
  recentPages.delete(key);
  recentPages.set(key, { at: now, page });
  if (recentPages.size > maxHeldPages)
    recentPages.delete(recentPages.keys().next().value as string);
  page.catch(() => {
    if (recentPages.get(key)?.page === page) recentPages.delete(key);
  });
  return page;
}

/**
 * List pages this process answered lately (`MARKET_LIST_CACHE_SECONDS`), by
 * table and request, oldest first; at most `maxHeldPages`. Searches are not
 * held: their queries rarely repeat and their index partitions are many.
 */
const recentPages = new Map<string, { at: number; page: Promise<MarketPage> }>();
const maxHeldPages = 200;

function cacheKeyOf(ctx: CoreContext, input: ListMarketsInput): string {
  const { status, category, type, sort, offset, limit, cursor } = input;
  return JSON.stringify([ctx.db.table, status, category, type, sort, offset, limit, cursor]);
}

async function readMarkets(ctx: CoreContext, input: ListMarketsInput): Promise<MarketPage> {
  const status = input.status ?? "open";
  const sort = input.sort ?? "trending";
  const category = input.category ? categoryKey(input.category) : undefined;
  if (status === "open" || status === "closed") await closeExpiredOnRead(ctx);
  const now = ctx.clock();
  const filters = { status, categoryKey: category, marketType: input.type, sort };
  const page = input.q?.trim()
    ? await searchMarkets(ctx, input.q, filters, input)
    : await listPage(ctx, input, {
        scope: scopeOf("markets", null, filters),
        size: pageSizes.markets,
        query: sourceOf(
          marketsQuery(ctx, filters, now),
          serviceFor(ctx.db).entities.market,
          sort === "expires_soon" ? "asc" : "desc",
        ),
        total: () => countMarkets(ctx, filters),
      });
  return { ...page, items: page.items.map((market) => toMarketView(market, now)) };
}

/** The list filters of `GET /markets`. */
export interface MarketFilters {
  status: MarketStatus;
  categoryKey?: string | undefined;
  marketType?: MarketItem["marketType"] | undefined;
  sort: MarketSort;
}

function marketsQuery(ctx: CoreContext, filters: MarketFilters, now: Date) {
  const { status, categoryKey: category, marketType, sort } = filters;
  const markets = serviceFor(ctx.db).entities.market;
  // An open market past its end date reads closed, also when more expired than
  // the list closed first (one page): a key condition on the expiry index, a
  // filter that rarely drops anything on the others.
  const open = status === "open";
  const unexpired = new Date(now.getTime() + 1).toISOString();
  const byExpiry = category
    ? markets.query.byCategoryExpiry({ status, categoryKey: category })
    : markets.query.byStatusExpiry({ status });
  const query =
    sort === "expires_soon"
      ? open
        ? byExpiry.gte({ expiresAt: unexpired })
        : byExpiry
      : sort === "liquidity"
        ? category
          ? markets.query.byCategoryLiquidity({ status, categoryKey: category })
          : markets.query.byStatusLiquidity({ status })
        : category
          ? markets.query.byCategoryTrending({ status, categoryKey: category })
          : markets.query.byStatusTrending({ status });
  return query.where((market, { eq, gt }) =>
    [
      marketType ? eq(market.marketType, marketType) : "",
      open && sort !== "expires_soon" ? gt(market.expiresAt, now.toISOString()) : "",
    ]
      .filter(Boolean)
      .join(" AND "),
  );
}
