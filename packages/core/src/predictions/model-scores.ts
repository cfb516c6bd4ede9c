import type { CoreContext } from "../context";
import { calibrationBuckets, readModelTotals, round4 as round } from "./model-stats";
import type { ModelInfo } from "./models";
import { type SkillScore, skillScoreOf, skillSentence } from "./skill";

export interface CalibrationBucket {
  /** The bucket holds forecasts with lower ≤ p < upper (the last one also p = 1). */
  lower: number;
  upper: number;
  forecasts: number;
  meanPredicted: number | null;
  /** Of the bucket's forecasts, the share whose market resolved "this". */
  observedFrequency: number | null;
}

export interface ModelScore {
  modelId: string;
  name: string;
  /** Runs that ended (succeeded or failed). */
  runs: number;
  successRate: number | null;
  /** Forecasts scored on resolved markets (invalid results score none). */
  forecasts: number;
  /** Mean Brier score of those, (p − y)²: 0 is perfect, 0.25 a coin toss. */
  brierScore: number | null;
  calibration: CalibrationBucket[];
  /** Against the market on the same forecasts, with a sentence that says it plainly. */
  skill: SkillScore & {
    summary: string;
    byCategory: (SkillScore & { categoryKey: string; category: string; summary: string })[];
  };
}

/**
 * Each model's record (public): runs and success rate, scored forecasts, mean
 * Brier score, a 10-bucket calibration table and its skill against the market
 * (overall and by category), from the running counters
 * kept when runs end and forecasts are scored: one Query per model.
 */
export async function modelScores(ctx: CoreContext, models: ModelInfo[]): Promise<ModelScore[]> {
  return Promise.all(
    models.map(async (model): Promise<ModelScore> => {
      const totals = await readModelTotals(ctx, model.id);
      const minForecasts = ctx.config.SKILL_MIN_FORECASTS;
      const skill = skillScoreOf(totals.skill, minForecasts);
      const runs = totals.successes + totals.failures;
      return {
        modelId: model.id,
        name: model.name,
        runs,
        successRate: runs ? round(totals.successes / runs) : null,
        forecasts: totals.brierCount,
        brierScore: totals.brierCount ? round(totals.brierSum / totals.brierCount) : null,
        calibration: totals.calibration.map((bucket, index) => ({
          lower: index / calibrationBuckets,
          upper: (index + 1) / calibrationBuckets,
          forecasts: bucket.forecasts,
          meanPredicted: bucket.forecasts ? round(bucket.predictedSum / bucket.forecasts) : null,
          observedFrequency: bucket.forecasts ? round(bucket.observed / bucket.forecasts) : null,
        })),
        skill: {
          ...skill,
          summary: skillSentence(model.name, skill),
          byCategory: totals.skillByCategory
            .sort((a, b) => b.pairs - a.pairs || a.category.localeCompare(b.category))
            .map((totalsOfCategory) => {
              const ofCategory = skillScoreOf(totalsOfCategory, minForecasts);
              return {
                ...ofCategory,
                categoryKey: totalsOfCategory.categoryKey,
                category: totalsOfCategory.category,
                summary: skillSentence(model.name, ofCategory, totalsOfCategory.category),
              };
            }),
        },
      };
    }),
  );
}
