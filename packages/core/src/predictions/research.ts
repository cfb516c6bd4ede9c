import type { CoreContext } from "../context";
import { getMarket, type MarketView, toMarketView } from "../markets/market";
import { oddsHistory } from "../markets/save";
import { pageQuery, sourceOf } from "../paging";
import { serviceFor } from "../service";
import type { MarketContext } from "./models";
import { impliedProbability } from "./models/local/market-maths";

/** How many resolved markets of a category feed its base rate at most. */
const baseRateSample = 500;

/**
 * What every model gets: the market, its odds history, and how the category's
 * resolved markets came out. All indexed reads; nothing here scans.
 */
export async function buildMarketContext(
  ctx: CoreContext,
  marketId: string,
): Promise<MarketContext> {
  const markets = serviceFor(ctx.db).entities.market;
  const market = await getMarket(ctx, marketId);
  const [history, resolved] = await Promise.all([
    oddsHistory(ctx, marketId),
    market.category
      ? pageQuery(
          ctx,
          sourceOf(
            markets.query.byCategoryTrending({
              status: "resolved",
              categoryKey: market.categoryKey,
            }),
            markets,
            "desc",
          ),
          { offset: 0, limit: baseRateSample },
        )
      : Promise.resolve(null),
  ]);
  const settled = resolved?.items.filter((item) => item.resolution !== "invalid") ?? null;
  return {
    market: marketFacts(toMarketView(market, ctx.clock())),
    oddsHistory: history.map((point) => ({
      at: point.takenAt,
      thisOdds: point.thisOdds,
      thatOdds: point.thatOdds,
    })),
    categoryBaseRate: settled
      ? {
          resolved: settled.length,
          thisWins: settled.filter((item) => item.resolution === "this").length,
        }
      : null,
    researchedAt: ctx.clock().toISOString(),
  };
}

/**
 * The market's probability of "this" in a context (the mirrored odds, normalised
 * to sum to 1): the figure every forecast of it is compared with. Null when the
 * market has no usable price.
 */
export function marketProbabilityOf(context: MarketContext): number | null {
  const implied = impliedProbability(context.market.thisOdds, context.market.thatOdds);
  return implied ? Math.round(implied.probability * 10_000) / 10_000 : null;
}

/** The market as models see it: the API's view of it, without status fields. */
function marketFacts(view: MarketView): MarketContext["market"] {
  const { marketType, status, bettable, resolution, winningOption, resolvedAt, ...facts } = view;
  return facts;
}
