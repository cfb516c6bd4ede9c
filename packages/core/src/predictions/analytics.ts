import type { CoreContext } from "../context";
import { serviceFor } from "../service";
import { readModelTotals, round4 as round } from "./model-stats";
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
}

/**
 * The admin view: per model, success and failure rates, latency and mean Brier
 * score (all time); per day, how many sessions each user started. Read from
 * running counters, one Query per model and per day.
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
      const { data } = await stats.query.byScope({ scope: `day#${day}` }).go({ pages: "all" });
      return data.map((item) => ({ day, userId: item.key, sessions: item.sessions ?? 0 }));
    }),
  );
  return { models: perModel, sessionsPerUserPerDay: perDay.flat() };
}
