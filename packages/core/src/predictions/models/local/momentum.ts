import type { MarketContext, Prediction } from "../types";
import { correctFavouriteLongshot, marketDepth, sureWord } from "./consensus";
import type { LocalModelDefinition } from "./local-model";
import {
  againstMarket,
  clamp,
  daysBetween,
  daysToExpiry,
  duration,
  endsIn,
  humanSpan,
  impliedProbability,
  logistic,
  logit,
  noOddsError,
  percent,
  signedPoints,
  toPrediction,
} from "./market-maths";

/** A point's weight halves for every this-many days of age: recent moves count most. */
const halfLifeDays = 3;
/**
 * How far ahead the trend is carried: never past expiry, and never further than
 * the history reaches back (two snapshots minutes apart say nothing about days).
 */
const lookaheadDays = 3;
/**
 * Liquid market prices are close to a random walk, so a trend is weak evidence:
 * only this share of it, further scaled by how consistent it is and by how many
 * points support it, is carried forward.
 */
const damping = 0.5;
/** Cap on the drift in log-odds (about ±18 points around 50%): momentum nudges, it never overrules. */
const maxDriftLogit = 0.75;
/** Confidence when there is no trend to read and the forecast is consensus only. */
const fallbackConfidence = 0.15;
const minConfidence = 0.15;
const confidenceSpan = 0.6;
/** Points at which the history counts as about two-thirds complete evidence. */
const pointsScale = 8;

interface Point {
  ageDays: number;
  logOdds: number;
}

/**
 * The odds history in log-odds, by age in days before `researchedAt`. The current
 * price is added as the newest point: snapshots are written only when the odds
 * move, so an unchanged price since the last snapshot is itself information.
 */
function series(context: MarketContext): { points: Point[]; latest: number | null } {
  const points: Point[] = [];
  for (const snapshot of context.oddsHistory) {
    const implied = impliedProbability(snapshot.thisOdds, snapshot.thatOdds);
    const age = daysBetween(snapshot.at, context.researchedAt);
    if (!implied || age === null) continue;
    points.push({ ageDays: Math.max(0, age), logOdds: logit(implied.probability) });
  }
  const current = impliedProbability(context.market.thisOdds, context.market.thatOdds);
  const newestAge = points.length > 0 ? Math.min(...points.map((point) => point.ageDays)) : null;
  if (current && (newestAge === null || newestAge > 0)) {
    points.push({ ageDays: 0, logOdds: logit(current.probability) });
  }
  const latest = current
    ? current.probability
    : points.length > 0
      ? logistic(points.reduce((a, b) => (b.ageDays <= a.ageDays ? b : a)).logOdds)
      : null;
  return { points, latest };
}

/**
 * Exponentially weighted least-squares slope of log-odds over time, with the
 * weighted R² as the trend's consistency. Null when the points do not span time.
 */
function weightedTrend(points: Point[]) {
  if (points.length < 2) return null;
  const newest = Math.min(...points.map((point) => point.ageDays));
  // Relative to the newest point, so an old history does not underflow to zero weight.
  const weights = points.map((point) => 2 ** (-(point.ageDays - newest) / halfLifeDays));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const meanT = points.reduce((sum, p, i) => sum - (weights[i] ?? 0) * p.ageDays, 0) / total;
  const meanX = points.reduce((sum, p, i) => sum + (weights[i] ?? 0) * p.logOdds, 0) / total;
  let stt = 0;
  let stx = 0;
  let sxx = 0;
  points.forEach((point, i) => {
    const weight = weights[i] ?? 0;
    const dt = -point.ageDays - meanT;
    const dx = point.logOdds - meanX;
    stt += weight * dt * dt;
    stx += weight * dt * dx;
    sxx += weight * dx * dx;
  });
  if (stt < 1e-12) return null;
  const slope = stx / stt;
  // A perfectly flat history is a perfectly consistent "no trend".
  const consistency = sxx < 1e-12 ? 1 : clamp((stx * stx) / (stt * sxx), 0, 1);
  const spanDays =
    Math.max(...points.map((p) => p.ageDays)) - Math.min(...points.map((p) => p.ageDays));
  return { slope, consistency, spanDays };
}

/**
 * A trend read over less than this share of the time the question has left is
 * called out as weak evidence in the write-up (the maths already carries it no
 * further than the history reaches back).
 */
const shortTrendShare = 0.1;

/** Momentum: the current price plus a damped projection of its recent, recency-weighted trend. */
export function forecastMomentum(context: MarketContext): Prediction {
  const { market } = context;
  const { points, latest } = series(context);
  if (latest === null) throw noOddsError(market.id);
  const trend = weightedTrend(points);
  if (!trend) {
    const { corrected } = correctFavouriteLongshot(latest, context);
    return toPrediction({
      probability: corrected,
      confidence: fallbackConfidence,
      reasoning: `There is not enough price history to see a trend (${points.length} price point${points.length === 1 ? "" : "s"}), so this model gives the market's figure, adjusted a little for favourites: ${percent(corrected)} for "${market.thisOption}". It is not very sure, because the signal it looks for is missing.`,
      keyFactors: [
        `Price points to read a trend from: ${points.length}`,
        `Market's figure for "${market.thisOption}", adjusted for favourites: ${percent(corrected)}`,
      ],
      method: `The odds history has no two points at different times (${points.length} usable), so there is no trend to fit. Fallback: the consensus forecast (favourite–longshot correction of the log-odds), confidence ${fallbackConfidence}.`,
    });
  }
  const expiry = daysToExpiry(context);
  const horizon = Math.min(lookaheadDays, trend.spanDays, expiry ?? lookaheadDays);
  // Two points always fit a line perfectly (R² = 1), so the drift also scales
  // with how many points support the trend.
  const coverage = 1 - Math.exp(-(points.length - 1) / pointsScale);
  const drift = clamp(
    damping * trend.consistency * coverage * trend.slope * horizon,
    -maxDriftLogit,
    maxDriftLogit,
  );
  const probability = logistic(logit(latest) + drift);
  // A trend read from a thin book is noise more often than news.
  const depthFactor = 0.5 + 0.5 * marketDepth(context);
  const confidence = minConfidence + confidenceSpan * coverage * trend.consistency * depthFactor;
  const direction = trend.slope > 0 ? "rising" : trend.slope < 0 ? "falling" : "flat";
  const plainDirection =
    Math.abs(probability - latest) < 0.0005
      ? "holding steady"
      : trend.slope > 0
        ? "going up"
        : "going down";
  const steadiness = trend.consistency >= 0.6 ? "steadily" : "unevenly";
  // The span the trend was read over, as a reader says it (never "0 minutes").
  const window = humanSpan(Math.max(trend.spanDays, 1 / 1440));
  const shortTrend = expiry !== null && trend.spanDays < shortTrendShare * expiry;
  const reasoning = [
    `Over the last ${window} the odds of "${market.thisOption}" have been ${plainDirection === "holding steady" ? "holding steady" : `${plainDirection} ${steadiness}`}; the market now says ${percent(latest)}.`,
    shortTrend
      ? `A trend seen over ${window} says little about a question that ${endsIn(expiry)}, and price moves are mostly noise, so the model follows only a small part of it: ${percent(probability)} for "${market.thisOption}", ${againstMarket(probability, latest)}.`
      : `Price moves are mostly noise, so the model follows only part of the trend: ${percent(probability)} for "${market.thisOption}", ${againstMarket(probability, latest)}.`,
    `It is ${sureWord(confidence)}: ${points.length} price points, a ${trend.consistency >= 0.6 ? "steady" : "choppy"} trend and ${marketDepth(context) >= 0.4 ? "a well-traded" : "a thinly traded"} market.`,
  ].join(" ");
  const method = [
    `The odds history has ${points.length} points over ${duration(trend.spanDays)}. Weighting recent moves most (half-life ${halfLifeDays} days), the log-odds of "${market.thisOption}" are ${direction} at ${trend.slope.toFixed(3)} per day, with a weighted R² of ${trend.consistency.toFixed(2)}.`,
    `Only ${damping} of the trend, scaled by R² and by point coverage (${coverage.toFixed(2)}), is carried forward over min(${lookaheadDays} days, the history's span, time to expiry) = ${duration(horizon)}, capped at ±${maxDriftLogit} in log-odds: ${signedPoints(probability - latest)}, from ${percent(latest)} to ${percent(probability)}.`,
    `Confidence ${clamp(confidence, 0, 1).toFixed(2)} = ${minConfidence} + ${confidenceSpan} × coverage × R² × depth factor ${depthFactor.toFixed(2)}.`,
  ].join(" ");
  return toPrediction({
    probability,
    confidence,
    reasoning,
    keyFactors: [
      `Market's odds now for "${market.thisOption}": ${percent(latest)}`,
      `Over the last ${window}: ${plainDirection}${plainDirection === "holding steady" ? "" : `, ${steadiness}`} (${points.length} price points)`,
      ...(shortTrend && expiry !== null
        ? [`The question ends in ${humanSpan(expiry)}: a trend over ${window} counts for little`]
        : []),
      `Forecast for "${market.thisOption}": ${percent(probability)} (${againstMarket(probability, latest)})`,
    ],
    method,
  });
}

export const momentumModel: LocalModelDefinition = {
  id: "momentum",
  name: "Odds momentum",
  description:
    "Starts from the market's odds now and follows part of their recent trend, recent moves counting most; a trend over a short time counts for little. Runs offline.",
  forecast: forecastMomentum,
};
