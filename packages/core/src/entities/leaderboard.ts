import { Entity, type EntityItem } from "electrodb";

const board = { type: ["pnl", "volume"] as const, required: true, readOnly: true } as const;
const periodKey = { type: "string", required: true, readOnly: true } as const;
const positionPadding = { length: 7, char: "0" };

/**
 * A user on one board (`pnl` or `volume`) of one period, sorted by `sortKey`
 * (score descending, then username, then id). Only the ranking job writes these.
 */
export const LeaderboardEntry = new Entity({
  model: { entity: "leaderboardEntry", version: "1", service: "market" },
  attributes: {
    board,
    periodKey,
    sortKey: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true },
    username: { type: "string", required: true },
    pnl: { type: "number", required: true },
    volume: { type: "number", required: true },
    ttl: { type: "number" },
  },
  indexes: {
    byScore: {
      pk: { field: "pk", composite: ["board", "periodKey"] },
      sk: { field: "sk", composite: ["sortKey"] },
    },
  },
});

/**
 * The snapshot the API reads: one row per position (1-based) of the top of a
 * board, with its competition rank. A page is one Query on a position range.
 */
export const LeaderboardRow = new Entity({
  model: { entity: "leaderboardRow", version: "1", service: "market" },
  attributes: {
    board,
    periodKey,
    position: { type: "number", required: true, readOnly: true, padding: positionPadding },
    rank: { type: "number", required: true },
    userId: { type: "string", required: true },
    username: { type: "string", required: true },
    pnl: { type: "number", required: true },
    volume: { type: "number", required: true },
    ttl: { type: "number" },
  },
  indexes: {
    byPosition: {
      pk: { field: "pk", composite: ["board", "periodKey"] },
      sk: { field: "sk", composite: ["position"] },
    },
  },
});

/** Where a user stands in a board's snapshot, for `?around=me` (read with the head in one BatchGet). */
export const LeaderboardPosition = new Entity({
  model: { entity: "leaderboardPosition", version: "1", service: "market" },
  attributes: {
    board,
    periodKey,
    userId: { type: "string", required: true, readOnly: true },
    position: { type: "number", required: true },
    ttl: { type: "number" },
  },
  indexes: {
    byUser: {
      pk: { field: "pk", composite: ["board", "periodKey", "userId"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

/** A board's head: how many users it holds (`total`) and how deep its snapshot goes. */
export const LeaderboardHead = new Entity({
  model: { entity: "leaderboardHead", version: "1", service: "market" },
  attributes: {
    board,
    periodKey,
    total: { type: "number", required: true, default: 0 },
    /** Rows in the snapshot (the top `min(total, LEADERBOARD_SNAPSHOT_SIZE)`). */
    rows: { type: "number", required: true, default: 0 },
    /** When the ranking job last rebuilt this board (absent on heads written before). */
    rankedAt: { type: "string" },
    ttl: { type: "number" },
  },
  indexes: {
    byBoard: {
      pk: { field: "pk", composite: ["board", "periodKey"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

/**
 * How many entries of an all-time board fall in one score bucket (the entry
 * sort keys' first 14 digits: one credit wide). The job keeps the counts as it
 * moves entries, so the rank of a user below the snapshot is 1 + the counts of
 * the higher buckets + a Query inside the user's own bucket.
 */
export const ScoreBucket = new Entity({
  model: { entity: "scoreBucket", version: "1", service: "market" },
  attributes: {
    board,
    bucket: { type: "string", required: true, readOnly: true },
    count: { type: "number", required: true },
  },
  indexes: {
    byBoard: {
      pk: { field: "pk", composite: ["board"] },
      sk: { field: "sk", composite: ["bucket"] },
    },
  },
});

export type LeaderboardEntryItem = EntityItem<typeof LeaderboardEntry>;
export type LeaderboardRowItem = EntityItem<typeof LeaderboardRow>;
export type LeaderboardHeadItem = EntityItem<typeof LeaderboardHead>;
export type Board = LeaderboardRowItem["board"];
