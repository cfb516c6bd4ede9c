import { Entity, type EntityItem } from "electrodb";

/**
 * Running counters for the predictions analytics and the public model scores,
 * so each view is a few Queries instead of a scan. Per model (`scope` =
 * `model#<id>`), by `key`:
 * - `<yyyy-mm-dd>#<shard>`: runs that day (`successes`, `failures`,
 *   `latencyMsTotal`); days written before sharding have the key `<yyyy-mm-dd>`;
 * - `all#<shard>`: the same, for all time;
 * - `scores`: `brierSum`, `brierCount` of the scored forecasts;
 * - `cal#<0-9>`: one calibration bucket of the scored forecasts (probability of
 *   "this" in [b/10, (b+1)/10), the last one closed): `forecasts`,
 *   `predictedSum`, `observed` (how many resolved "this").
 * - `skill` and `skill#<categoryKey>`: the scored forecasts that kept the
 *   market's probability, paired with the market's own score on the same
 *   outcome, overall and by category (`category` is its display name):
 *   `pairs`, `pairBrierSum`, `pairMarketSum` and, for the interval,
 *   `pairBrierSqSum`, `pairMarketSqSum`, `pairCrossSum` (model × market).
 * Per day (`scope` = `day#<yyyy-mm-dd>`, `key` = user id): `sessions` started.
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
    forecasts: { type: "number", default: 0 },
    predictedSum: { type: "number", default: 0 },
    observed: { type: "number", default: 0 },
    pairs: { type: "number", default: 0 },
    pairBrierSum: { type: "number", default: 0 },
    pairMarketSum: { type: "number", default: 0 },
    pairBrierSqSum: { type: "number", default: 0 },
    pairMarketSqSum: { type: "number", default: 0 },
    pairCrossSum: { type: "number", default: 0 },
    category: { type: "string" },
  },
  indexes: {
    byScope: {
      pk: { field: "pk", composite: ["scope"] },
      sk: { field: "sk", composite: ["key"] },
    },
  },
});

export type PredictionStatItem = EntityItem<typeof PredictionStat>;

/** The scope of the sessions each user started on `day` (`YYYY-MM-DD`): keyed by user id. */
export function sessionsScope(day: string): string {
  return `day#${day}`;
}
