import type { CoreContext } from "../context";
import { serviceFor } from "../service";
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

const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * The admin view: per model, success and failure rates, latency and mean Brier
 * score; per day, how many sessions each user started. Read from running
 * counters, one Query per model and per day.
 */
export async function predictionAnalytics(
  ctx: CoreContext,
  models: ModelInfo[],
  days = 7,
): Promise<PredictionAnalytics> {
  const stats = serviceFor(ctx.db).entities.predictionStat;
  const perModel = await Promise.all(
    models.map(async (model): Promise<ModelAnalytics> => {
      const { data } = await stats.query
        .byScope({ scope: `model#${model.id}` })
        .go({ pages: "all" });
      const sum = (
        field: "successes" | "failures" | "latencyMsTotal" | "brierSum" | "brierCount",
      ) => data.reduce((total, item) => total + (item[field] ?? 0), 0);
      const successes = sum("successes");
      const failures = sum("failures");
      const runs = successes + failures;
      const scored = sum("brierCount");
      return {
        modelId: model.id,
        name: model.name,
        runs,
        successes,
        failures,
        successRate: runs ? round(successes / runs) : null,
        failureRate: runs ? round(failures / runs) : null,
        averageLatencyMs: successes ? Math.round(sum("latencyMsTotal") / successes) : null,
        meanBrierScore: scored ? round(sum("brierSum") / scored) : null,
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
