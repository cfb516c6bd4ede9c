import { Entity, type EntityItem } from "electrodb";

/**
 * "This market takes no more bets", one of `MARKET_GATE_SHARDS` per market:
 * absent while the market is open and bettable, written (all of them) in the
 * transaction that closes or resolves it, deleted if it opens again. A bet's
 * transaction checks that its user's gate is absent, so no bet commits after
 * the close, while bets of users on other gates never touch the same item
 * (a condition check on one item makes concurrent transactions conflict:
 * checking the market item itself serialized a popular market's bets).
 */
export const MarketGate = new Entity({
  model: { entity: "marketGate", version: "1", service: "market" },
  attributes: {
    marketId: { type: "string", required: true, readOnly: true },
    shard: { type: "number", required: true, readOnly: true, padding: { length: 2, char: "0" } },
    closedAt: { type: "string", required: true },
  },
  indexes: {
    byGate: {
      pk: { field: "pk", composite: ["marketId", "shard"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

export type MarketGateItem = EntityItem<typeof MarketGate>;
