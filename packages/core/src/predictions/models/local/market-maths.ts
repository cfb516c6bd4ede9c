import { type MarketContext, ModelFailed, type Prediction, predictionSchema } from "../types";

/**
 * Probabilities are kept this far from 0 and 1 before any logit: a price of
 * exactly 0 or 1 (a closed book) would otherwise send the maths to infinity.
 */
const probabilityFloor = 0.001;

const msPerDay = 86_400_000;

export function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

export function clampProbability(probability: number): number {
  return clamp(probability, probabilityFloor, 1 - probabilityFloor);
}

export function logit(probability: number): number {
  const p = clampProbability(probability);
  return Math.log(p / (1 - p));
}

export function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

function usablePrice(value: number | null): value is number {
  return value !== null && Number.isFinite(value) && value >= 0 && value <= 1;
}

/**
 * The market's implied probability for "this" from one pair of prices. The two
 * prices need not sum to 1 (spread, fees, stale quotes), so they are normalised
 * by their sum; with only one usable price, the other side is its complement.
 * Null when neither price can be used.
 */
export function impliedProbability(thisOdds: number | null, thatOdds: number | null) {
  const thisUsable = usablePrice(thisOdds);
  const thatUsable = usablePrice(thatOdds);
  if (thisUsable && thatUsable) {
    const sum = thisOdds + thatOdds;
    if (sum > 0) return { probability: thisOdds / sum, overround: sum - 1 };
    return null;
  }
  if (thisUsable) return { probability: thisOdds, overround: 0 };
  if (thatUsable) return { probability: 1 - thatOdds, overround: 0 };
  return null;
}

/** Every local forecaster works from prices: without any, there is nothing to forecast from. */
export function noOddsError(marketId: string): ModelFailed {
  return new ModelFailed(`Market ${marketId} has no usable odds to forecast from`);
}

/** The market's current implied probability; a market with no usable prices cannot be forecast. */
export function currentImplied(context: MarketContext) {
  const implied = impliedProbability(context.market.thisOdds, context.market.thatOdds);
  if (!implied) throw noOddsError(context.market.id);
  return implied;
}

/** Days from `researchedAt` to expiry; null when the market has no end date or a date is unreadable. */
export function daysToExpiry(context: MarketContext): number | null {
  if (!context.market.expiresAt) return null;
  const expires = Date.parse(context.market.expiresAt);
  const now = Date.parse(context.researchedAt);
  if (Number.isNaN(expires) || Number.isNaN(now)) return null;
  return Math.max(0, (expires - now) / msPerDay);
}

export function daysBetween(fromIso: string, toIso: string): number | null {
  const from = Date.parse(fromIso);
  const to = Date.parse(toIso);
  if (Number.isNaN(from) || Number.isNaN(to)) return null;
  return (to - from) / msPerDay;
}

export function percent(probability: number, digits = 1): string {
  return `${(probability * 100).toFixed(digits)}%`;
}

export function signedPoints(delta: number): string {
  const shown = Math.abs(delta * 100).toFixed(1);
  // What rounds to 0.0 has no sign worth showing ("−0.0 pts" read as a move).
  if (Number(shown) === 0) return "±0.0 pts";
  return `${delta > 0 ? "+" : "−"}${shown} pts`;
}

/** A span of days in the unit a reader expects: days, hours or minutes. */
export function duration(days: number): string {
  if (days >= 1) return `${days.toFixed(1)} days`;
  if (days * 24 >= 1) return `${(days * 24).toFixed(1)} hours`;
  const minutes = Math.round(days * 24 * 60);
  if (minutes < 1) return "under a minute";
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

export function money(amount: number): string {
  return `$${Math.round(amount).toLocaleString("en-US")}`;
}

/**
 * A time to come as a reader says it ("13 months", "3 weeks", "6 hours"): the
 * unit that keeps the number small, rounded, singular for one.
 */
export function humanSpan(days: number): string {
  const unit = (count: number, name: string) => `${count} ${name}${count === 1 ? "" : "s"}`;
  if (days >= 730) return unit(Math.round(days / 365), "year");
  if (days >= 60) return unit(Math.round(days / 30.44), "month");
  if (days >= 14) return unit(Math.round(days / 7), "week");
  if (days >= 1.5) return unit(Math.round(days), "day");
  if (days * 24 >= 1) return unit(Math.round(days * 24), "hour");
  return unit(Math.max(1, Math.round(days * 24 * 60)), "minute");
}

/** Where a forecast stands against the market's own figure, in points a reader follows. */
export function againstMarket(forecast: number, market: number): string {
  const points = Math.abs(forecast - market) * 100;
  if (points < 0.05) return "the same as the market";
  return `${points.toFixed(1)} point${points.toFixed(1) === "1.0" ? "" : "s"} ${forecast > market ? "above" : "below"} the market`;
}

/** When the question ends, for a sentence: "ends in 13 months", "has no end date". */
export function endsIn(days: number | null): string {
  return days === null ? "has no set end date" : `ends in ${humanSpan(days)}`;
}

/**
 * Rounds, derives the outcome from the rounded probability (so the two always
 * agree) and validates against the shared schema, exactly as a remote model's
 * answer is validated.
 */
export function toPrediction(parts: {
  probability: number;
  confidence: number;
  reasoning: string;
  keyFactors: string[];
  /** How the number was reached, technical terms allowed: shown on request. */
  method?: string;
}): Prediction {
  const probability = Math.round(clamp(parts.probability, 0, 1) * 10_000) / 10_000;
  const confidence = Math.round(clamp(parts.confidence, 0, 1) * 100) / 100;
  const parsed = predictionSchema.safeParse({
    probability,
    outcome: probability >= 0.5 ? "this" : "that",
    confidence,
    reasoning: parts.reasoning.slice(0, 4000),
    keyFactors: parts.keyFactors.slice(0, 8).map((factor) => factor.slice(0, 300)),
    ...(parts.method ? { method: parts.method.slice(0, 4000) } : {}),
  });
  if (!parsed.success) {
    throw new ModelFailed(
      `Local forecaster produced an invalid prediction: ${parsed.error.message}`,
    );
  }
  return parsed.data;
}
