import type { CoreContext } from "../context";
import type { MarketItem, MarketStatus } from "../entities/market";
import { InvalidCursor } from "../errors";
import { readPage, serviceFor } from "../service";
import { categoryKey, type MarketView, toMarketView } from "./market";
import { searchMarketIds } from "./search";

export const marketSorts = ["trending", "liquidity", "expires_soon"] as const;
export type MarketSort = (typeof marketSorts)[number];

export interface ListMarketsInput {
  status?: MarketStatus | undefined;
  category?: string | undefined;
  type?: MarketItem["marketType"] | undefined;
  sort?: MarketSort | undefined;
  q?: string | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
}

export interface MarketPage {
  markets: MarketView[];
  nextCursor: string | null;
}

/**
 * One page of markets. Every combination is a Query on one of six GSIs (status
 * or status + category, by trending, liquidity or expiry); `type` filters
 * within it. `q` goes through the search-token index instead.
 */
export async function listMarkets(ctx: CoreContext, input: ListMarketsInput): Promise<MarketPage> {
  const status = input.status ?? "open";
  const limit = input.limit ?? 20;
  if (input.q?.trim()) return searchMarkets(ctx, { ...input, status, limit });

  const markets = serviceFor(ctx.db).entities.market;
  const sort = input.sort ?? "trending";
  const category = input.category ? categoryKey(input.category) : undefined;
  const now = ctx.clock().toISOString();
  const query = category
    ? {
        trending: () => markets.query.byCategoryTrending({ status, categoryKey: category }),
        liquidity: () => markets.query.byCategoryLiquidity({ status, categoryKey: category }),
        expires_soon: () => markets.query.byCategoryExpiry({ status, categoryKey: category }),
      }[sort]()
    : {
        trending: () => markets.query.byStatusTrending({ status }),
        liquidity: () => markets.query.byStatusLiquidity({ status }),
        expires_soon: () => markets.query.byStatusExpiry({ status }),
      }[sort]();

  const page = await readPage(() =>
    query
      .where((market, { eq, gt }) =>
        [
          input.type ? eq(market.marketType, input.type) : "",
          // Open markets past their end date are waiting for a result, not for bets.
          status === "open" ? gt(market.expiresAt, now) : "",
        ]
          .filter(Boolean)
          .join(" AND "),
      )
      .go({
        order: sort === "expires_soon" ? "asc" : "desc",
        count: limit,
        pages: "all",
        cursor: input.cursor ?? null,
      }),
  );
  return { markets: page.data.map(toMarketView), nextCursor: page.cursor };
}

/** Search results are ranked by trending; the cursor is an offset into them. */
async function searchMarkets(
  ctx: CoreContext,
  input: ListMarketsInput & { status: MarketStatus; limit: number },
): Promise<MarketPage> {
  const offset = input.cursor ? decodeOffset(input.cursor) : 0;
  const ids = await searchMarketIds(ctx, input.q ?? "", input.status);
  const found: MarketItem[] = [];
  const wantedCategory = input.category ? categoryKey(input.category) : undefined;
  const now = ctx.clock().toISOString();
  let position = offset;
  // Read in batches until the page is full; filters may drop some candidates.
  while (found.length < input.limit && position < ids.length) {
    const batch = ids.slice(position, position + Math.max(input.limit, 25));
    position += batch.length;
    const { data } = await serviceFor(ctx.db)
      .entities.market.get(batch.map((marketId) => ({ marketId })))
      .go();
    const byId = new Map(data.map((market) => [market.marketId, market]));
    for (const id of batch) {
      const market = byId.get(id);
      if (!market || market.status !== input.status) continue;
      if (wantedCategory && market.categoryKey !== wantedCategory) continue;
      if (input.type && market.marketType !== input.type) continue;
      if (input.status === "open" && market.expiresAt <= now) continue;
      if (found.length < input.limit) found.push(market);
      else {
        position = ids.indexOf(id);
        break;
      }
    }
  }
  const sorted =
    input.sort === "liquidity"
      ? [...found].sort((a, b) => b.liquidity - a.liquidity)
      : input.sort === "expires_soon"
        ? [...found].sort((a, b) => a.expiresAt.localeCompare(b.expiresAt))
        : found;
  return {
    markets: sorted.map(toMarketView),
    nextCursor: position < ids.length ? encodeOffset(position) : null,
  };
}

function encodeOffset(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString("base64url");
}

function decodeOffset(cursor: string): number {
  try {
    const { offset } = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // fall through to the validation error
  }
  throw new InvalidCursor();
}
