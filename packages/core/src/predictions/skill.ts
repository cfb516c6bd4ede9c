import type { SkillTotals } from "./model-stats";
import { round4 } from "./model-stats";

/** Normal quantile of a two-sided 95% interval. */
const z95 = 1.96;

export const skillVerdicts = ["better", "worse", "level", "too_few"] as const;
export type SkillVerdict = (typeof skillVerdicts)[number];

/**
 * A model's Brier skill against the market on the same forecasts: each scored
 * forecast of the model beside the market's own probability at that moment.
 */
export interface SkillScore {
  /** Scored forecasts that kept the market's probability (older ones did not). */
  forecasts: number;
  /** The model's mean Brier score on those forecasts. */
  brierScore: number | null;
  /** The market's mean Brier score on the same forecasts. */
  marketBrierScore: number | null;
  /** 1 − model / market: above 0 beats the market, below 0 trails it, 1 is perfect. */
  skillScore: number | null;
  /** 95% interval of the skill score (delta method on the paired scores); null under 2 forecasts. */
  interval: { lower: number; upper: number } | null;
  /**
   * `better` or `worse` when the interval excludes 0 and there are enough
   * forecasts (`SKILL_MIN_FORECASTS`); `level` when it does not; `too_few` before.
   */
  verdict: SkillVerdict;
}

/**
 * The skill score 1 − B/M of mean model Brier B over mean market Brier M, with a
 * 95% interval from the delta method on the paired scores:
 * Var(B/M) ≈ (σ²_b/M² − 2B·σ_bm/M³ + B²·σ²_m/M⁴) / n. Null figures when the
 * market scored a perfect 0 on every forecast (no ratio to take).
 */
export function skillScoreOf(totals: SkillTotals, minForecasts: number): SkillScore {
  const n = totals.pairs;
  const empty: SkillScore = {
    forecasts: n,
    brierScore: null,
    marketBrierScore: null,
    skillScore: null,
    interval: null,
    verdict: "too_few",
  };
  if (n <= 0) return empty;
  const model = totals.brierSum / n;
  const market = totals.marketSum / n;
  const scores = { ...empty, brierScore: round4(model), marketBrierScore: round4(market) };
  if (market <= 0) return scores;
  const skill = 1 - model / market;
  if (n < 2) return { ...scores, skillScore: round4(skill) };
  const bessel = n / (n - 1);
  const varModel = Math.max(0, totals.brierSqSum / n - model ** 2) * bessel;
  const varMarket = Math.max(0, totals.marketSqSum / n - market ** 2) * bessel;
  const covariance = (totals.crossSum / n - model * market) * bessel;
  const variance =
    (varModel / market ** 2 -
      (2 * model * covariance) / market ** 3 +
      (model ** 2 * varMarket) / market ** 4) /
    n;
  const margin = z95 * Math.sqrt(Math.max(0, variance));
  const interval = { lower: round4(skill - margin), upper: round4(skill + margin) };
  const verdict: SkillVerdict =
    n < minForecasts
      ? "too_few"
      : skill - margin > 0
        ? "better"
        : skill + margin < 0
          ? "worse"
          : "level";
  return { ...scores, skillScore: round4(skill), interval, verdict };
}

/**
 * The verdict as a sentence a newcomer reads: "Odds momentum has done worse
 * than the market on 40 resolved forecasts."
 */
export function skillSentence(name: string, skill: SkillScore, category?: string): string {
  const where = category ? ` in ${category}` : "";
  const count = `${skill.forecasts} forecast${skill.forecasts === 1 ? "" : "s"} on resolved markets${where}`;
  switch (skill.verdict) {
    case "better":
      return `${name} has done better than the market on ${count}.`;
    case "worse":
      return `${name} has done worse than the market on ${count}.`;
    case "level":
      return `${name} has done about as well as the market on ${count}: the difference could be chance.`;
    default:
      return skill.forecasts === 0
        ? `${name} has no forecast on a resolved market${where} to compare with the market yet.`
        : `${name} has ${count}: too few yet to say whether it beats the market.`;
  }
}
