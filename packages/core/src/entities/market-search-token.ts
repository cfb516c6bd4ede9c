import { Entity, type EntityItem } from "electrodb";

/**
 * One word of a market's title, for `q` search without a scan: a Query on the
 * word returns the markets holding it, open ones by trending first. Rewritten
 * when the title, status or trending rank of the market changes.
 */
export const MarketSearchToken = new Entity({
  model: { entity: "marketSearchToken", version: "1", service: "market" },
  attributes: {
    token: { type: "string", required: true, readOnly: true },
    marketId: { type: "string", required: true, readOnly: true },
    status: { type: "string", required: true },
    trendingRank: { type: "number", required: true, padding: { length: 15, char: "0" } },
  },
  indexes: {
    byToken: {
      pk: { field: "pk", composite: ["token"] },
      sk: { field: "sk", composite: ["marketId"] },
    },
    byTokenStatus: {
      index: "gsi7",
      pk: { field: "gsi7pk", composite: ["token", "status"] },
      sk: { field: "gsi7sk", composite: ["trendingRank", "marketId"] },
    },
  },
});

export type MarketSearchTokenItem = EntityItem<typeof MarketSearchToken>;
