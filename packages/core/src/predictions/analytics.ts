import type { CoreContext } from "../context";
import { lastDays } from "../counters";
import { sessionsScope } from "../entities/prediction-stat";
import { serviceFor } from "../service";
import { readModelDays, readModelTotals, round4 as round } from "./model-stats";
import type { ModelInfo } from "./models";

export interface ModelAnalytics {
  modelId: string;
  name: string;
  runs: number;
  successes: number;
  failures: number;
  successRate: number | null;
  failureRate: number | null;
  averageLatencyMs: number | null;
  meanBrierScore: number | null;
  scoredPredictions: number;
}

export interface PredictionAnalytics {
  models: ModelAnalytics[];
  sessionsPerUserPerDay: { day: string; userId: string; sessions: number }[];
  /** Every day of the range (oldest first) for every model, zeros included. */
  modelOutcomesPerDay: { date: string; modelId: string; successes: number; failures: number }[];
}

/**
 * The admin view: per model, success and failure rates, latency and mean Brier
 * score (all time), and successes and failures per day; per day, how many
 * sessions each user started. Read from running counters: two Queries per
 * model and one per day.
 */
export async function predictionAnalytics(
  ctx: CoreContext,
  models: ModelInfo[],
  days = 7,
): Promise<PredictionAnalytics> {
  const stats = serviceFor(ctx.db).entities.predictionStat;
  const perModel = await Promise.all(
    models.map(async (model): Promise<ModelAnalytics> => {
      const totals = await readModelTotals(ctx, model.id);
      const { successes, failures, brierCount: scored } = totals;
      const runs = successes + failures;
      return {
        modelId: model.id,
        name: model.name,
        runs,
        successes,
        failures,
        successRate: runs ? round(successes / runs) : null,
        failureRate: runs ? round(failures / runs) : null,
        averageLatencyMs: successes ? Math.round(totals.latencyMsTotal / successes) : null,
        meanBrierScore: scored ? round(totals.brierSum / scored) : null,
        scoredPredictions: scored,
      };
    }),
  );
  const today = ctx.clock().getTime();
  const dayKeys = Array.from({ length: days }, (_, index) =>
    new Date(today - index * 86_400_000).toISOString().slice(0, 10),
  );
  const perDay = await Promise.all(
    dayKeys.map(async (day) => {
      const { data } = await stats.query
        .byScope({ scope: sessionsScope(day) })
        .go({ pages: "all" });
      return data.map((item) => ({ day, userId: item.key, sessions: item.sessions ?? 0 }));
    }),
  );
  const dates = lastDays(ctx, days);
  const outcomes = await Promise.all(
    models.map(async (model) => ({
      modelId: model.id,
      byDay: await readModelDays(ctx, model.id, dates[0] as string, dates.at(-1) as string),
    })),
  );
  const modelOutcomesPerDay = dates.flatMap((date) =>
    outcomes.map(({ modelId, byDay }) => ({
      date,
      modelId,
      successes: byDay.get(date)?.successes ?? 0,
      failures: byDay.get(date)?.failures ?? 0,
    })),
  );
  return { models: perModel, sessionsPerUserPerDay: perDay.flat(), modelOutcomesPerDay };
}
