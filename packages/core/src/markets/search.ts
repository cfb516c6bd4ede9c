import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { CoreContext } from "../context";
import type { MarketItem } from "../entities/market";
import { ValidationFailed } from "../errors";
import { limitsOf, pageSizes } from "../limits";
import {
  type Page,
  type PageRequest,
  pageOf,
  pageStart,
  type StartKey,
  scopeOf,
  startKeyOf,
} from "../paging";
import { serviceFor } from "../service";
import type { MarketFilters } from "./list";
import { aliasesOf } from "./search-aliases";

const stopWords = new Set(
  "a an and are at be by do does for from has have in is it its of on or the this that to was will with who what when which".split(
    " ",
  ),
);

/** The searchable words of a text: lower case, accents dropped, no stop words, unique. */
export function tokenize(text: string): string[] {
  const words = text
    .normalize("NFKD")
    .replace(/\p{Mn}/gu, "")
    .toLowerCase()
    // "U.S." and "U.K." are words, not two stray letters.
    .replace(/\b(\p{L})\.(\p{L})\.(?!\p{L})/gu, "$1$2")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 2 && word.length <= 40 && !stopWords.has(word));
  return [...new Set(words)].slice(0, 40);
}

/** Prefixes shorter than this are not indexed (two letters match too much). */
const minPrefix = 3;
/**
 * Prefixes are indexed up to this length; a longer query word is looked up by
 * its first `maxPrefix` letters, which every word it begins holds.
 */
const maxPrefix = 12;
/** Index items one market's title may write at most. */
const maxSearchTokens = 160;

/**
 * What a market's title is indexed under: each word, its other names
 * (`search-aliases.ts`: "bitcoin" also under "btc"), and the prefixes of both
 * from `minPrefix` letters on, so "bitc" and "btc" find "Bitcoin". Whole words
 * first, so a very long title keeps them when the cap cuts prefixes.
 */
export function searchTokens(title: string): string[] {
  const words = tokenize(title).flatMap((word) => [word, ...aliasesOf(word)]);
  const prefixes = words.flatMap((word) =>
    Array.from(
      { length: Math.max(0, Math.min(word.length - 1, maxPrefix) - minPrefix + 1) },
      (_, index) => word.slice(0, minPrefix + index),
    ),
  );
  return [...new Set([...words, ...prefixes])].slice(0, maxSearchTokens);
}

/** The index keys a search looks up: each searchable word of `q`, cut to `maxPrefix`. */
export function queryTokens(q: string): string[] {
  return [...new Set(tokenize(q).map((word) => word.slice(0, maxPrefix)))];
}

/**
 * Rewrites the market's search tokens after its title, status or trending rank
 * changed: tokens of words no longer in the title are deleted.
 */
export async function writeSearchTokens(
  ctx: CoreContext,
  market: MarketItem,
  previous: MarketItem | null,
): Promise<void> {
  const entity = serviceFor(ctx.db).entities.marketSearchToken;
  const tokens = searchTokens(market.title);
  const stale = previous
    ? searchTokens(previous.title).filter((token) => !tokens.includes(token))
    : [];
  if (stale.length > 0) {
    await entity.delete(stale.map((token) => ({ token, marketId: market.marketId }))).go();
  }
  if (tokens.length > 0) {
    await entity
      .put(
        tokens.map((token) => ({
          token,
          marketId: market.marketId,
          status: market.status,
          trendingRank: market.trendingRank,
        })),
      )
      .go();
  }
}

/**
 * A page of the markets in `filters.status` whose title holds, for every word
 * of `q`, a word it begins or one of that word's other names ("btc" finds
 * Bitcoin, "bitc" too), most trending first (another `sort` orders the page). The longest word
 * drives (long words are usually the rare ones): its index is read a page at a
 * time (`Limit` = what the page still misses), each candidate is checked for the
 * other words by key (BatchGet of their token items) and then read
 * (BatchGet), so no word's whole list is ever read. One request reads at most
 * `offset + LIST_READ_BUDGET` token items. `total` is what the search found:
 * exact on the last page, a lower bound before it (no counter can know it).
 */
export async function searchMarkets(
  ctx: CoreContext,
  q: string,
  filters: MarketFilters,
  request: PageRequest,
): Promise<Page<MarketItem>> {
  const words = queryTokens(q);
  const maxWords = limitsOf(ctx.config).searchMaxWords;
  if (words.length > maxWords) {
    throw new ValidationFailed("Too many words", {
      q: `must hold at most ${maxWords} searchable words (it holds ${words.length})`,
    });
  }
  const scope = scopeOf("market-search", null, { ...filters, q: words.join(" ") });
  const start = pageStart(ctx, request, scope, pageSizes.markets);
  if (words.length === 0) return pageOf(ctx, start, { items: [] }, 0);
  const [driver, ...others] = [...words].sort((a, b) => b.length - a.length) as [
    string,
    ...string[],
  ];
  const service = serviceFor(ctx.db);
  const params = service.entities.marketSearchToken.query
    .byTokenStatus({ token: driver, status: filters.status })
    .params({ order: "desc" }) as Record<string, unknown>;
  const wanted = start.offset + start.limit;
  const budget = start.offset + limitsOf(ctx.config).listReadBudget;
  const found: { market: MarketItem; key: StartKey }[] = [];
  let read = 0;
  let after = start.after;
  while (found.length < wanted && read < budget) {
    const page = await ctx.db.client.send(
      new QueryCommand({
        ...params,
        Limit: Math.min(wanted - found.length, budget - read),
        ExclusiveStartKey: after,
      } as never),
    );
    read += page.ScannedCount ?? 0;
    after = page.LastEvaluatedKey as StartKey | undefined;
    const candidates = (page.Items ?? []).map((item) => ({
      marketId: String(item.marketId),
      key: startKeyOf(item, params),
    }));
    const matching = await holdingEvery(ctx, candidates, others, filters.status);
    const markets = await readMarkets(
      ctx,
      matching.map((candidate) => candidate.marketId),
    );
    for (const candidate of matching) {
      const market = markets.get(candidate.marketId);
      if (market && fits(market, filters, ctx.clock())) found.push({ market, key: candidate.key });
    }
    if (!after) break;
  }
  const items = found.slice(start.offset, wanted);
  const last = items.at(-1);
  // A full page goes on after its last match; a short one from where reading stopped.
  const next = found.length >= wanted && last ? last.key : after;
  const markets = items.map((match) => match.market);
  const total = start.position + markets.length + (next ? 1 : 0);
  return pageOf(ctx, start, { items: sortPage(markets, filters.sort), next }, total);
}

/** The candidates whose market title also holds every other word (in the same status). */
async function holdingEvery<T extends { marketId: string }>(
  ctx: CoreContext,
  candidates: T[],
  others: string[],
  status: string,
): Promise<T[]> {
  if (others.length === 0 || candidates.length === 0) return candidates;
  const { data } = await serviceFor(ctx.db)
    .entities.marketSearchToken.get(
      candidates.flatMap(({ marketId }) => others.map((token) => ({ token, marketId }))),
    )
    .go();
  const held = new Map<string, number>();
  for (const token of data) {
    if (token.status === status) held.set(token.marketId, (held.get(token.marketId) ?? 0) + 1);
  }
  return candidates.filter(({ marketId }) => held.get(marketId) === others.length);
}

async function readMarkets(ctx: CoreContext, ids: string[]): Promise<Map<string, MarketItem>> {
  if (ids.length === 0) return new Map();
  const { data } = await serviceFor(ctx.db)
    .entities.market.get(ids.map((marketId) => ({ marketId })))
    .go();
  return new Map(data.map((market) => [market.marketId, market]));
}

/** The filters a token item cannot answer: category, type, and "not past its end date". */
function fits(market: MarketItem, filters: MarketFilters, now: Date): boolean {
  if (market.status !== filters.status) return false;
  if (filters.categoryKey && market.categoryKey !== filters.categoryKey) return false;
  if (filters.marketType && market.marketType !== filters.marketType) return false;
  return filters.status !== "open" || Date.parse(market.expiresAt) > now.getTime();
}

/** Search ranks by trending; another sort orders the page it found. */
function sortPage(markets: MarketItem[], sort: MarketFilters["sort"]): MarketItem[] {
  if (sort === "liquidity") return [...markets].sort((a, b) => b.liquidity - a.liquidity);
  if (sort === "expires_soon") {
    return [...markets].sort((a, b) => a.expiresAt.localeCompare(b.expiresAt));
  }
  return markets;
}
