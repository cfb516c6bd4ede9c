import { Entity, type EntityItem } from "electrodb";

/** The odds of a market at a moment, written when they move: the market's odds history. */
export const OddsSnapshot = new Entity({
  model: { entity: "oddsSnapshot", version: "1", service: "market" },
  attributes: {
    marketId: { type: "string", required: true, readOnly: true },
    takenAt: { type: "string", required: true, readOnly: true },
    thisOdds: { type: "number", required: true, readOnly: true },
    thatOdds: { type: "number", required: true, readOnly: true },
    volume24h: { type: "number" },
  },
  indexes: {
    byMarket: {
      pk: { field: "pk", composite: ["marketId"] },
      sk: { field: "sk", composite: ["takenAt"] },
    },
  },
});

export type OddsSnapshotItem = EntityItem<typeof OddsSnapshot>;
