import { Entity, type EntityItem } from "electrodb";

/**
 * Running counters for the predictions analytics, so the admin view is a few
 * Queries instead of a scan: per model (`scope` = `model#<id>`, `key` = day) and
 * per day (`scope` = `day#<yyyy-mm-dd>`, `key` = user id).
 */
export const PredictionStat = new Entity({
  model: { entity: "predictionStat", version: "1", service: "market" },
  attributes: {
    scope: { type: "string", required: true, readOnly: true },
    key: { type: "string", required: true, readOnly: true },
    sessions: { type: "number", default: 0 },
    successes: { type: "number", default: 0 },
    failures: { type: "number", default: 0 },
    latencyMsTotal: { type: "number", default: 0 },
    brierSum: { type: "number", default: 0 },
    brierCount: { type: "number", default: 0 },
  },
  indexes: {
    byScope: {
      pk: { field: "pk", composite: ["scope"] },
      sk: { field: "sk", composite: ["key"] },
    },
  },
});

export type PredictionStatItem = EntityItem<typeof PredictionStat>;
