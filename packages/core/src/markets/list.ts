import type { CoreContext } from "../context";
import type { MarketItem, MarketStatus } from "../entities/market";
import { pageSizes } from "../limits";
import { listPage, type Page, type PageRequest, scopeOf, sourceOf } from "../paging";
import { serviceFor } from "../service";
import { countMarkets } from "./counts";
import { categoryKey, type MarketView, toMarketView } from "./market";
import { searchMarkets } from "./search";

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
 * through the search-token index instead (`searchMarkets`).
 */
export async function listMarkets(ctx: CoreContext, input: ListMarketsInput): Promise<MarketPage> {
  const status = input.status ?? "open";
  const sort = input.sort ?? "trending";
  const category = input.category ? categoryKey(input.category) : undefined;
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
  // An open market past its end date reads closed, even in the minute before the
  // resolution poll moves it: a key condition on the expiry index, a filter that
  // rarely drops anything on the others.
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
