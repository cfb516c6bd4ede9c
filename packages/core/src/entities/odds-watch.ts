import { Entity, type EntityItem } from "electrodb";

/**
 * A mirrored market someone placed a bet on: the odds refresh re-reads it every
 * 30 s while it has pending bets, then drops it. One small partition, read
 * whole by the refresh; a bet puts it again (`since` moves on).
 */
export const OddsWatch = new Entity({
  model: { entity: "oddsWatch", version: "1", service: "market" },
  attributes: {
    marketId: { type: "string", required: true, readOnly: true },
    externalId: { type: "string", required: true },
    /** The latest bet that put it here; a watch younger than a few minutes is never dropped. */
    since: { type: "string", required: true },
  },
  indexes: {
    all: {
      pk: { field: "pk", composite: [] },
      sk: { field: "sk", composite: ["marketId"] },
    },
  },
});

export type OddsWatchItem = EntityItem<typeof OddsWatch>;
