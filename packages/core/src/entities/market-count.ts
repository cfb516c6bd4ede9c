import { Entity, type EntityItem } from "electrodb";

/**
 * How many markets are in one list of `GET /markets`: a status, optionally with
 * a category and/or a market type (`scope`, built by `marketCountScope`). The
 * `total` of a list page is one GetItem of its counter. Every write that puts a
 * market into a list or takes it out (creation, status or category change)
 * ADDs to the counters in the same transaction.
 */
export const MarketCount = new Entity({
  model: { entity: "marketCount", version: "1", service: "market" },
  attributes: {
    scope: { type: "string", required: true, readOnly: true },
    count: { type: "number", required: true, default: 0 },
  },
  indexes: {
    byScope: {
      pk: { field: "pk", composite: ["scope"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

export type MarketCountItem = EntityItem<typeof MarketCount>;
