import { Entity, type EntityItem } from "electrodb";

/** Sort values in keys are whole numbers, zero-padded so strings order like numbers. */
const rankPadding = { length: 15, char: "0" };

export const marketStatuses = ["open", "closed", "resolved", "cancelled"] as const;
export const marketTypes = ["polymarket", "credits"] as const;
export const resolutions = ["this", "that", "invalid"] as const;
/** A resolved market's settlement run: not started, paying pages of bets, finished. */
export const settlementStates = ["pending", "running", "done"] as const;

/**
 * A market users bet on: mirrored from Polymarket (`marketId` = `pm_<gamma id>`,
 * so a market seen twice is the same item) or created by an admin (`credits`).
 *
 * Lists are served from six GSIs: status alone or status + category, each
 * ordered by trending (24 h volume), liquidity or expiry. `trendingRank` and
 * `liquidityRank` are whole-number copies of the decimals, for the sort keys.
 */
export const Market = new Entity({
  model: { entity: "market", version: "1", service: "market" },
  attributes: {
    marketId: { type: "string", required: true, readOnly: true },
    marketType: { type: marketTypes, required: true, readOnly: true },
    externalId: { type: "string" },
    conditionId: { type: "string" },
    title: { type: "string", required: true },
    description: { type: "string", required: true, default: "" },
    category: { type: "string" },
    /** Lower-cased category for the category indexes; `uncategorized` when none. */
    categoryKey: { type: "string", required: true },
    thisOption: { type: "string", required: true },
    thatOption: { type: "string", required: true },
    thisOdds: { type: "number" },
    thatOdds: { type: "number" },
    /** False when there are no prices, trading is paused or odds are not in (0, 1). */
    bettable: { type: "boolean", required: true },
    liquidity: { type: "number", required: true, default: 0 },
    volume: { type: "number", required: true, default: 0 },
    volume24h: { type: "number", required: true, default: 0 },
    trendingRank: { type: "number", required: true, padding: rankPadding },
    liquidityRank: { type: "number", required: true, padding: rankPadding },
    status: { type: marketStatuses, required: true },
    resolution: { type: resolutions },
    /** ISO time; `9999-12-31T23:59:59.999Z` stands for "no end date" so such markets sort last. */
    expiresAt: { type: "string", required: true },
    resolvedAt: { type: "string" },
    /** Settlement state of a resolved market: `pending` until every bet is settled. */
    settlement: { type: settlementStates },
    /** When the settlement's first page of bets was settled, and when it finished. */
    settlementStartedAt: { type: "string" },
    settlementFinishedAt: { type: "string" },
    /** Bets the settlement has settled so far (ADDed per page; absent before any page). */
    settledBets: { type: "number" },
    /** Polymarket result that needs a person (e.g. a closed market with 0/0 prices). */
    needsReview: { type: "string" },
    sourceUpdatedAt: { type: "string" },
    /** Polymarket: the CLOB token of the `this` side, whose price history the chart shows. */
    clobTokenId: { type: "string" },
    /** When the market's odds were last written (a sync that changed them, or its creation). */
    oddsUpdatedAt: { type: "string" },
    /** When the price history before the first sync was copied into odds snapshots. */
    historyBackfilledAt: { type: "string" },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["marketId"] },
      sk: { field: "sk", composite: [] },
    },
    byStatusTrending: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["status"] },
      sk: { field: "gsi1sk", composite: ["trendingRank", "marketId"] },
    },
    byStatusLiquidity: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["status"] },
      sk: { field: "gsi2sk", composite: ["liquidityRank", "marketId"] },
    },
    byStatusExpiry: {
      index: "gsi3",
      pk: { field: "gsi3pk", composite: ["status"] },
      sk: { field: "gsi3sk", composite: ["expiresAt", "marketId"] },
    },
    byCategoryTrending: {
      index: "gsi4",
      pk: { field: "gsi4pk", composite: ["status", "categoryKey"] },
      sk: { field: "gsi4sk", composite: ["trendingRank", "marketId"] },
    },
    byCategoryLiquidity: {
      index: "gsi5",
      pk: { field: "gsi5pk", composite: ["status", "categoryKey"] },
      sk: { field: "gsi5sk", composite: ["liquidityRank", "marketId"] },
    },
    byCategoryExpiry: {
      index: "gsi6",
      pk: { field: "gsi6pk", composite: ["status", "categoryKey"] },
      sk: { field: "gsi6sk", composite: ["expiresAt", "marketId"] },
    },
  },
});

export type MarketItem = EntityItem<typeof Market>;
export type MarketStatus = (typeof marketStatuses)[number];
export type Resolution = (typeof resolutions)[number];
