import { isConditionFailed } from "../conditions";
import type { CoreContext } from "../context";
import type { MarketItem } from "../entities/market";
import { pageQuery, sourceOf } from "../paging";
import { type MarketService, serviceFor } from "../service";
import { countMoves, writeWithCounts } from "./counts";
import { MarketBusy } from "./errors";
import { gateWrites, takesBets } from "./gate";
import { categoryKey, findMarket, type MarketTerms, noExpiry } from "./market";
import { writeSearchTokens } from "./search";

/** Everything about a market that comes from its source (Polymarket or an admin). */
export interface MarketFields extends MarketTerms {
  status: "open" | "closed";
  externalId?: string | undefined;
  conditionId?: string | null | undefined;
  /** Polymarket: the `this` side's CLOB token (its price history). */
  clobTokenId?: string | null | undefined;
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
  // A market mirrored before its token was known is written once more to learn it (its history follows).
  "clobTokenId",
] as const;

/** Saving a market that keeps changing under us gives up after this many reads. */
const maxSaveAttempts = 5;

/**
 * Creates or updates a market by id, so the same market seen twice is one item.
 * A resolved market is never reopened or overwritten. A market past its end
 * date is saved `closed` whatever its source says (it takes no more bets). A
 * write that puts the market into a list or takes it out moves the list
 * counters in the same transaction, conditioned on the status and category it
 * was read with. Moving odds leave an `OddsSnapshot`.
 */
export async function saveMarket(
  ctx: CoreContext,
  marketId: string,
  marketType: MarketItem["marketType"],
  fields: MarketFields,
): Promise<SaveOutcome> {
  return (await storeMarket(ctx, marketId, marketType, fields)).outcome;
}

/** `saveMarket`, also returning the market as it now stands (the sync reads its history state). */
export async function storeMarket(
  ctx: CoreContext,
  marketId: string,
  marketType: MarketItem["marketType"],
  fields: MarketFields,
): Promise<{ outcome: SaveOutcome; market: MarketItem | null }> {
  for (let attempt = 1; attempt <= maxSaveAttempts; attempt++) {
    const existing = await findMarket(ctx, marketId);
    const unchanged = { outcome: "unchanged" as const, market: existing };
    if (existing?.status === "resolved") return unchanged;
    // An older copy of the source record (offset paging shows some twice) never wins.
    const newer = existing?.sourceUpdatedAt;
    if (newer && fields.sourceUpdatedAt && fields.sourceUpdatedAt < newer) return unchanged;
    const next = marketItem(ctx, marketId, marketType, fields, existing);
    if (existing && compared.every((field) => existing[field] === next[field])) return unchanged;
    if ((await writeMarket(ctx, existing, next)) === "stale") continue;
    await afterSave(ctx, existing, next);
    return { outcome: existing ? "updated" : "created", market: next };
  }
  throw new MarketBusy(marketId, "saved");
}

function marketItem(
  ctx: CoreContext,
  marketId: string,
  marketType: MarketItem["marketType"],
  fields: MarketFields,
  existing: MarketItem | null,
): MarketItem {
  const now = ctx.clock();
  const expiresAt = fields.expiresAt ?? noExpiry;
  // Past its end date a market waits for its result: closed, listed under `closed`.
  const expired = Date.parse(expiresAt) <= now.getTime();
  return {
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
    status: fields.status === "open" && expired ? "closed" : fields.status,
    expiresAt,
    sourceUpdatedAt: fields.sourceUpdatedAt ?? undefined,
    clobTokenId: fields.clobTokenId ?? existing?.clobTokenId,
    // Every write carries the odds the source gave now, moved or not.
    oddsUpdatedAt: fields.thisOdds === null ? existing?.oddsUpdatedAt : now.toISOString(),
    historyBackfilledAt: existing?.historyBackfilledAt,
    createdAt: existing?.createdAt ?? now.toISOString(),
    updatedAt: now.toISOString(),
  };
}

/** A condition on a market write, as ElectroDB's `where` takes it. */
export type MarketCondition = Parameters<
  ReturnType<ReturnType<MarketService["entities"]["market"]["patch"]>["set"]>["where"]
>[0];

/**
 * Puts the market, conditioned on the state it was read in (new, or the same
 * status and category, which also keeps a resolution from being overwritten):
 * `stale` when that no longer holds.
 */
async function writeMarket(
  ctx: CoreContext,
  existing: MarketItem | null,
  next: MarketItem,
): Promise<"written" | "stale"> {
  const asRead: MarketCondition = (market, { notExists, eq }) =>
    existing
      ? `${eq(market.status, existing.status)} AND ${eq(market.categoryKey, existing.categoryKey)}`
      : notExists(market.marketId);
  const moves = countMoves(existing, next);
  if (moves.size > 0 || takesBets(existing) !== takesBets(next)) {
    return writeWithCounts(
      ctx,
      (entities) => entities.market.put(next).where(asRead).commit(),
      moves,
      (entities) => gateWrites(entities, ctx, existing, next),
    );
  }
  try {
    await serviceFor(ctx.db).entities.market.put(next).where(asRead).go();
    return "written";
  } catch (error) {
    if (isConditionFailed(error)) return "stale";
    throw error;
  }
}

/** The odds snapshot and search tokens a saved market needs. */
async function afterSave(
  ctx: CoreContext,
  existing: MarketItem | null,
  next: MarketItem,
): Promise<void> {
  const oddsMoved = existing?.thisOdds !== next.thisOdds || existing?.thatOdds !== next.thatOdds;
  if (oddsMoved && next.thisOdds !== undefined && next.thatOdds !== undefined) {
    await serviceFor(ctx.db)
      .entities.oddsSnapshot.put({
        marketId: next.marketId,
        takenAt: next.updatedAt,
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
}

/**
 * A market's latest `limit` odds snapshots, oldest first (for charts and the
 * momentum forecaster): one Query with a `Limit` of what it returns.
 */
export async function oddsHistory(ctx: CoreContext, marketId: string, limit = 500) {
  const snapshots = serviceFor(ctx.db).entities.oddsSnapshot;
  const { items } = await pageQuery(
    ctx,
    sourceOf(snapshots.query.byMarket({ marketId }), snapshots, "desc"),
    { offset: 0, limit },
  );
  return items.reverse();
}
