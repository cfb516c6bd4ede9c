import type { CoreContext } from "../context";
import { counterShard, dayAfter, dayOf } from "../counters";
import type { PredictionStatItem } from "../entities/prediction-stat";
import { serviceFor, type TransactionEntities, type TransactionItem } from "../service";

/**
 * The per-model counters of `PredictionStat` (keys in its TSDoc): what the
 * transactions that record a run or score a forecast add, and how the views
 * read them back.
 */

const scope = (modelId: string) => `model#${modelId}`;

/** Rates and means in the views, to 4 decimals. */
export const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

/** Calibration buckets: [0, 0.1), [0.1, 0.2) … [0.9, 1.0]. */
export const calibrationBuckets = 10;

/** The bucket of a forecast probability; 1.0 falls in the last one. */
export function calibrationBucket(probability: number): number {
  return Math.min(calibrationBuckets - 1, Math.max(0, Math.floor(probability * 10)));
}

export interface RunCounts {
  successes?: number;
  failures?: number;
  latencyMsTotal?: number;
}

/**
 * The two items a model run's outcome ADDs to, in the transaction that records
 * it: the day's and the all-time counter, on one shard picked at random.
 */
export function runCountWrites(
  entities: TransactionEntities,
  ctx: CoreContext,
  modelId: string,
  at: string,
  counts: RunCounts,
): TransactionItem[] {
  const shard = counterShard(ctx);
  return [`${dayOf(at)}#${shard}`, `all#${shard}`].map((key) =>
    entities.predictionStat
      .update({ scope: scope(modelId), key })
      .add(counts)
      .commit(),
  );
}

/**
 * The items scoring one forecast ADDs to: the model's Brier totals and the
 * forecast's calibration bucket (`observed` counts the forecasts whose market
 * resolved "this", the event the probability is for).
 */
export function scoreWrites(
  entities: TransactionEntities,
  forecast: {
    modelId: string;
    probability: number;
    outcome: 0 | 1;
    brierScore: number;
    /** The market's score on the same outcome, when the forecast kept the market's probability. */
    market?: { brierScore: number; categoryKey: string; category: string } | undefined;
  },
): TransactionItem[] {
  const { market } = forecast;
  const pair = market && {
    pairs: 1,
    pairBrierSum: forecast.brierScore,
    pairMarketSum: market.brierScore,
    pairBrierSqSum: forecast.brierScore ** 2,
    pairMarketSqSum: market.brierScore ** 2,
    pairCrossSum: forecast.brierScore * market.brierScore,
  };
  return [
    ...(market && pair
      ? [
          entities.predictionStat
            .update({ scope: scope(forecast.modelId), key: "skill" })
            .add(pair)
            .commit(),
          entities.predictionStat
            .update({ scope: scope(forecast.modelId), key: `skill#${market.categoryKey}` })
            .add(pair)
            .set({ category: market.category })
            .commit(),
        ]
      : []),
    entities.predictionStat
      .update({ scope: scope(forecast.modelId), key: "scores" })
      .add({ brierSum: forecast.brierScore, brierCount: 1 })
      .commit(),
    entities.predictionStat
      .update({
        scope: scope(forecast.modelId),
        key: `cal#${calibrationBucket(forecast.probability)}`,
      })
      .add({ forecasts: 1, predictedSum: forecast.probability, observed: forecast.outcome })
      .commit(),
  ];
}

/** Paired scores of a model and the market on the same forecasts (see `PredictionStat`). */
export interface SkillTotals {
  pairs: number;
  brierSum: number;
  marketSum: number;
  brierSqSum: number;
  marketSqSum: number;
  crossSum: number;
}

export interface CategorySkillTotals extends SkillTotals {
  categoryKey: string;
  category: string;
}

/** A model's all-time counters: runs, scores and calibration. */
export interface ModelTotals {
  successes: number;
  failures: number;
  latencyMsTotal: number;
  brierSum: number;
  brierCount: number;
  calibration: { forecasts: number; predictedSum: number; observed: number }[];
  skill: SkillTotals;
  skillByCategory: CategorySkillTotals[];
}

function skillTotalsOf(item: PredictionStatItem): SkillTotals {
  return {
    pairs: item.pairs ?? 0,
    brierSum: item.pairBrierSum ?? 0,
    marketSum: item.pairMarketSum ?? 0,
    brierSqSum: item.pairBrierSqSum ?? 0,
    marketSqSum: item.pairMarketSqSum ?? 0,
    crossSum: item.pairCrossSum ?? 0,
  };
}

/**
 * A model's all-time counters in one Query: the keys from `all` on are the
 * `all#<shard>` totals, the `cal#<bucket>` buckets, `scores` and the `skill`
 * pairs (day keys start with a digit and sort before them).
 */
export async function readModelTotals(ctx: CoreContext, modelId: string): Promise<ModelTotals> {
  const { data } = await serviceFor(ctx.db)
    .entities.predictionStat.query.byScope({ scope: scope(modelId) })
    .gte({ key: "all" })
    .go({ limit: 200, pages: "all" });
  const totals: ModelTotals = {
    successes: 0,
    failures: 0,
    latencyMsTotal: 0,
    brierSum: 0,
    brierCount: 0,
    calibration: Array.from({ length: calibrationBuckets }, () => ({
      forecasts: 0,
      predictedSum: 0,
      observed: 0,
    })),
    skill: skillTotalsOf({} as PredictionStatItem),
    skillByCategory: [],
  };
  for (const item of data) {
    if (item.key.startsWith("all#")) {
      totals.successes += item.successes ?? 0;
      totals.failures += item.failures ?? 0;
      totals.latencyMsTotal += item.latencyMsTotal ?? 0;
    } else if (item.key === "scores") {
      totals.brierSum += item.brierSum ?? 0;
      totals.brierCount += item.brierCount ?? 0;
    } else if (item.key.startsWith("cal#")) {
      const bucket = totals.calibration[Number(item.key.slice(4))];
      if (!bucket) continue;
      bucket.forecasts += item.forecasts ?? 0;
      bucket.predictedSum += item.predictedSum ?? 0;
      bucket.observed += item.observed ?? 0;
    } else if (item.key === "skill") {
      totals.skill = skillTotalsOf(item);
    } else if (item.key.startsWith("skill#")) {
      const categoryKey = item.key.slice("skill#".length);
      totals.skillByCategory.push({
        ...skillTotalsOf(item),
        categoryKey,
        category: item.category ?? categoryKey,
      });
    }
  }
  return totals;
}

/**
 * A model's per-day run counters from `from` to `to` (inclusive), in one Query:
 * the sharded `<day>#<shard>` keys and the unsharded `<day>` keys written
 * before sharding, summed by day.
 */
export async function readModelDays(
  ctx: CoreContext,
  modelId: string,
  from: string,
  to: string,
): Promise<Map<string, { successes: number; failures: number }>> {
  // Every key of `to` (`<to>` and `<to>#<shard>`) sorts before the bare next day.
  const { data } = await serviceFor(ctx.db)
    .entities.predictionStat.query.byScope({ scope: scope(modelId) })
    .between({ key: from }, { key: dayAfter(to) })
    .go({ limit: 1000, pages: "all" });
  const days = new Map<string, { successes: number; failures: number }>();
  for (const item of data as PredictionStatItem[]) {
    const day = item.key.slice(0, 10);
    if (day === dayAfter(to)) continue;
    const counts = days.get(day) ?? { successes: 0, failures: 0 };
    counts.successes += item.successes ?? 0;
    counts.failures += item.failures ?? 0;
    days.set(day, counts);
  }
  return days;
}
