import type { CoreContext } from "../context";
import type { MarketItem } from "../entities/market";
import { serviceFor } from "../service";

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
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 2 && word.length <= 40 && !stopWords.has(word));
  return [...new Set(words)].slice(0, 40);
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
  const tokens = tokenize(market.title);
  const stale = previous ? tokenize(previous.title).filter((token) => !tokens.includes(token)) : [];
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

/** How many matches of each word are read at most; search returns the best of these. */
const perTokenCap = 1_000;

/**
 * Ids of the markets in `status` whose title holds every word of `q`, most
 * trending first. Each word is one indexed Query; the rarest word bounds the work.
 */
export async function searchMarketIds(
  ctx: CoreContext,
  q: string,
  status: string,
): Promise<string[]> {
  const tokens = tokenize(q);
  if (tokens.length === 0) return [];
  const entity = serviceFor(ctx.db).entities.marketSearchToken;
  const matches = await Promise.all(
    tokens.map(async (token) => {
      const { data } = await entity.query
        .byTokenStatus({ token, status })
        .go({ order: "desc", count: perTokenCap, pages: "all" });
      return data.map((item) => item.marketId);
    }),
  );
  const [first, ...rest] = matches.sort((a, b) => a.length - b.length);
  const others = rest.map((ids) => new Set(ids));
  const ids = (first ?? []).filter((id) => others.every((set) => set.has(id)));
  // The rarest list is ordered by trending too, so the result keeps that order.
  return ids;
}
