import type { MarketContext, Prediction } from "../types";
import type { LocalModelDefinition } from "./local-model";
import {
  againstMarket,
  clamp,
  currentImplied,
  daysToExpiry,
  endsIn,
  humanSpan,
  logistic,
  logit,
  money,
  percent,
  signedPoints,
  toPrediction,
} from "./market-maths";

/**
 * The favourite–longshot bias: in betting and prediction markets, outcomes priced
 * as longshots win less often than their price implies and favourites win more
 * often (Griffith 1949; Snowberg & Wolfers 2010; reported for Kalshi and
 * Polymarket prices too). Page & Clemen (2013) found prediction-market prices for
 * events far in the future compressed toward 50% and well calibrated near expiry.
 *
 * The correction stretches the log-odds: p' = σ(β · logit(p)) with β > 1, which
 * moves a price away from 50% without ever crossing it. β grows linearly from
 * `slopeAtExpiry` to `slopeFarFromExpiry` over `horizonDays`. The values are
 * deliberately conservative (a 90% favourite becomes 91–93%), well below the
 * corrections fitted to long-horizon election markets: we would rather
 * under-correct a mixed set of markets than invent an edge.
 */
const slopeAtExpiry = 1.05;
const slopeFarFromExpiry = 1.2;
const horizonDays = 365;

/**
 * Liquidity plus 24 h volume at which the price counts as a half-strength
 * signal; confidence rises from `minConfidence` toward `maxConfidence` with depth.
 */
const halfDepthUsd = 25_000;
const minConfidence = 0.3;
const maxConfidence = 0.9;

export interface ConsensusEstimate {
  /** Normalised market probability for "this". */
  implied: number;
  /** How far the two prices sum above 1 (negative when below). */
  overround: number;
  /** After the favourite–longshot correction. */
  corrected: number;
  slope: number;
  /** 0..1: how much liquidity and recent volume stand behind the price. */
  depth: number;
  confidence: number;
}

/** The favourite–longshot correction of one implied probability, for a market of this horizon. */
export function correctFavouriteLongshot(implied: number, context: MarketContext) {
  const days = daysToExpiry(context);
  // No end date: treat it as far away, where the bias is strongest.
  const horizon = days === null ? 1 : clamp(days / horizonDays, 0, 1);
  const slope = slopeAtExpiry + (slopeFarFromExpiry - slopeAtExpiry) * horizon;
  return { corrected: logistic(slope * logit(implied)), slope, days };
}

/** 0..1: how much money stands behind the price (liquidity plus the last day's volume). */
export function marketDepth(context: MarketContext): number {
  const usd = Math.max(0, context.market.liquidity) + Math.max(0, context.market.volume24h);
  return 1 - Math.exp((-Math.LN2 * usd) / halfDepthUsd);
}

/** The numbers behind the consensus forecast, reused by the other local forecasters. */
export function estimateConsensus(context: MarketContext): ConsensusEstimate {
  const { probability: implied, overround } = currentImplied(context);
  const { corrected, slope } = correctFavouriteLongshot(implied, context);
  const depth = marketDepth(context);
  const confidence = minConfidence + (maxConfidence - minConfidence) * depth;
  return { implied, overround, corrected, slope, depth, confidence };
}

function depthWord(depth: number): string {
  if (depth >= 0.75) return "a strong";
  if (depth >= 0.4) return "a moderate";
  return "a weak";
}

/** How sure a model is, in words (the number itself is in the API's `confidence`). */
export function sureWord(confidence: number): string {
  if (confidence >= 0.7) return "fairly sure";
  if (confidence >= 0.45) return "moderately sure";
  return "not very sure";
}

/** Market consensus, normalised and corrected for the favourite–longshot bias. */
export function forecastConsensus(context: MarketContext): Prediction {
  const estimate = estimateConsensus(context);
  const { market } = context;
  const days = daysToExpiry(context);
  const horizon = days === null ? "no end date" : `${days.toFixed(0)} days to expiry`;
  const bothPrices = market.thisOdds !== null && market.thatOdds !== null;
  const moved = Math.abs(estimate.corrected - estimate.implied) >= 0.0005;
  const reasoning = [
    bothPrices
      ? `Polymarket traders give "${market.thisOption}" a ${percent(estimate.implied)} chance and "${market.thatOption}" ${percent(1 - estimate.implied)}.`
      : `Polymarket has a price for one option only, which puts "${market.thisOption}" at ${percent(estimate.implied)}.`,
    `In markets like this, clear favourites win a little more often than their price says and long shots a little less often, most of all when the end is far off. This question ${endsIn(days)}, so the model ${moved ? `moves the figure to ${percent(estimate.corrected)} for "${market.thisOption}" (${againstMarket(estimate.corrected, estimate.implied)})` : `keeps the market's ${percent(estimate.corrected)} for "${market.thisOption}"`}.`,
    `Polymarket liquidity ${money(market.liquidity)} (money ready to trade) and Polymarket volume ${money(market.volume24h)} in the last day make the price ${depthWord(estimate.depth)} signal, so the model is ${sureWord(estimate.confidence)} of it.`,
  ].join(" ");
  const prices = bothPrices
    ? `The market prices "${market.thisOption}" at ${market.thisOdds?.toFixed(3)} and "${market.thatOption}" at ${market.thatOdds?.toFixed(3)}; they sum to ${(1 + estimate.overround).toFixed(3)}, so normalised the market implies ${percent(estimate.implied)} for "${market.thisOption}".`
    : `Only one side has a price; the market implies ${percent(estimate.implied)} for "${market.thisOption}".`;
  const method = [
    prices,
    `Favourite–longshot bias (Page & Clemen 2013): with ${horizon}, the log-odds are stretched by ${estimate.slope.toFixed(2)}, which gives ${percent(estimate.corrected)} (${signedPoints(estimate.corrected - estimate.implied)}).`,
    `Confidence ${estimate.confidence.toFixed(2)} = ${minConfidence} + ${(maxConfidence - minConfidence).toFixed(1)} × depth ${estimate.depth.toFixed(2)}, where depth halves its gap to 1 every ${money(halfDepthUsd)} of liquidity plus 24-hour volume.`,
  ].join(" ");
  return toPrediction({
    probability: estimate.corrected,
    confidence: estimate.confidence,
    reasoning,
    keyFactors: [
      `Polymarket traders' odds for "${market.thisOption}": ${percent(estimate.implied)}`,
      `Favourites tend to win a little more often than priced: adjusted to ${percent(estimate.corrected)}${days === null ? "" : ` (the question ends in ${humanSpan(days)})`}`,
      `Polymarket liquidity ${money(market.liquidity)} and Polymarket volume ${money(market.volume24h)} in the last day`,
    ],
    method,
  });
}

export const consensusModel: LocalModelDefinition = {
  id: "consensus",
  name: "Market consensus",
  description:
    "Starts from Polymarket traders' odds and adjusts them for a known habit of markets: favourites win a little more often than priced. More sure when more money backs the price. Runs offline.",
  forecast: forecastConsensus,
};
