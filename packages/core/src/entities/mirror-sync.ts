import { Entity, type EntityItem } from "electrodb";

/**
 * When a source's market sync last finished a run. The sync writes a market
 * only when something about it changed, so a quiet market's own `updatedAt`
 * says little about whether its odds still hold: this item does, for every
 * market the run saw (a cash-out's odds age, docs/product-rules.md#cash-out).
 */
export const MirrorSync = new Entity({
  model: { entity: "mirrorSync", version: "1", service: "market" },
  attributes: {
    source: { type: "string", required: true, readOnly: true },
    finishedAt: { type: "string", required: true },
  },
  indexes: {
    bySource: {
      pk: { field: "pk", composite: ["source"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

export type MirrorSyncItem = EntityItem<typeof MirrorSync>;
