import { Entity, type EntityItem } from "electrodb";

/**
 * "This user's numbers changed since the ranking job last looked": put in the
 * same transaction as the change, into one of a few shard partitions, and
 * deleted by the job (on condition that `markedAt` is still what it read). The
 * job's work starts from these items, so its cost follows the users who changed.
 */
export const RankDirty = new Entity({
  model: { entity: "rankDirty", version: "1", service: "market" },
  attributes: {
    shard: { type: "number", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
    markedAt: { type: "string", required: true },
  },
  indexes: {
    byShard: {
      pk: { field: "pk", composite: ["shard"] },
      sk: { field: "sk", composite: ["userId"] },
    },
  },
});

export type RankDirtyItem = EntityItem<typeof RankDirty>;
