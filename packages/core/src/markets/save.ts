import { isConditionFailed } from "../conditions";
import type { CoreContext } from "../context";
import type { MarketItem } from "../entities/market";
import { serviceFor } from "../service";
import { categoryKey, findMarket, type MarketTerms, noExpiry } from "./market";
import { writeSearchTokens } from "./search";

/** Everything about a market that comes from its source (Polymarket or an admin). */
export interface MarketFields extends MarketTerms {
  status: "open" | "closed";
  externalId?: string | undefined;
  conditionId?: string | null | undefined;
  sourceUpdatedAt?: string | null | undefined;
}

export type SaveOutcome = "created" | "updated" | "unchanged";

/** The fields whose change is worth a write; anything else (timestamps) is not. */
const compared = [
  "title",
  "description",
  "category",
  "thisOption",
  "thatOption",
  "thisOdds",
  "thatOdds",
  "bettable",
  "liquidity",
  "volume",
  "volume24h",
  "expiresAt",
  "status",
] as const;

/**
 * Creates or updates a market by id, so the same market seen twice is one item.
 * A resolved market is never reopened or overwritten (the put is conditioned on
 * it). Moving odds leave an `OddsSnapshot`.
 */
export async function saveMarket(
  ctx: CoreContext,
  marketId: string,
  marketType: MarketItem["marketType"],
  fields: MarketFields,
): Promise<SaveOutcome> {
  const existing = await findMarket(ctx, marketId);
  if (existing?.status === "resolved") return "unchanged";
  // An older copy of the source record (offset paging shows some twice) never wins.
  const newer = existing?.sourceUpdatedAt;
  if (newer && fields.sourceUpdatedAt && fields.sourceUpdatedAt < newer) return "unchanged";
  const now = ctx.clock().toISOString();
  const next: MarketItem = {
    marketId,
    marketType,
    externalId: fields.externalId,
    conditionId: fields.conditionId ?? undefined,
    title: fields.title,
    description: fields.description,
    category: fields.category ?? undefined,
    categoryKey: categoryKey(fields.category),
    thisOption: fields.thisOption,
    thatOption: fields.thatOption,
    thisOdds: fields.thisOdds ?? undefined,
    thatOdds: fields.thatOdds ?? undefined,
    bettable: fields.bettable,
    liquidity: fields.liquidity,
    volume: fields.volume,
    volume24h: fields.volume24h,
    trendingRank: Math.max(0, Math.round(fields.volume24h)),
    liquidityRank: Math.max(0, Math.round(fields.liquidity)),
    status: fields.status,
    expiresAt: fields.expiresAt ?? noExpiry,
    sourceUpdatedAt: fields.sourceUpdatedAt ?? undefined,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  if (existing && compared.every((field) => existing[field] === next[field])) return "unchanged";

  const service = serviceFor(ctx.db);
  try {
    await service.entities.market
      .put(next)
      .where(
        (market, { notExists, ne }) =>
          `${notExists(market.marketId)} OR ${ne(market.status, "resolved")}`,
      )
      .go();
  } catch (error) {
    // Resolved between our read and our write: the resolution wins.
    if (isConditionFailed(error)) return "unchanged";
    throw error;
  }

  const oddsMoved = existing?.thisOdds !== next.thisOdds || existing?.thatOdds !== next.thatOdds;
  if (oddsMoved && next.thisOdds !== undefined && next.thatOdds !== undefined) {
    await service.entities.oddsSnapshot
      .put({
        marketId,
        takenAt: now,
        thisOdds: next.thisOdds,
        thatOdds: next.thatOdds,
        volume24h: next.volume24h,
      })
      .go();
  }
  const searchMoved =
    !existing ||
    existing.title !== next.title ||
    existing.status !== next.status ||
    existing.trendingRank !== next.trendingRank;
  if (searchMoved) await writeSearchTokens(ctx, next, existing);
  return existing ? "updated" : "created";
}

/** A market's odds history, oldest first (for charts and the momentum forecaster). */
export async function oddsHistory(ctx: CoreContext, marketId: string, limit = 500) {
  const { data } = await serviceFor(ctx.db)
    .entities.oddsSnapshot.query.byMarket({ marketId })
    .go({ order: "desc", count: limit, pages: "all" });
  return data.reverse();
}
