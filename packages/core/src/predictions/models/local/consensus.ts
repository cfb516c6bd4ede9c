import type { MarketContext, Prediction } from "../types";
import type { LocalModelDefinition } from "./local-model";
import {
  clamp,
  currentImplied,
  daysToExpiry,
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

/** Market consensus, normalised and corrected for the favourite–longshot bias. */
export function forecastConsensus(context: MarketContext): Prediction {
  const estimate = estimateConsensus(context);
  const { market } = context;
  const days = daysToExpiry(context);
  const horizon = days === null ? "no end date" : `${days.toFixed(0)} days to expiry`;
  const prices =
    market.thisOdds !== null && market.thatOdds !== null
      ? `The market prices "${market.thisOption}" at ${market.thisOdds.toFixed(3)} and "${market.thatOption}" at ${market.thatOdds.toFixed(3)}; they sum to ${(1 + estimate.overround).toFixed(3)}, so normalised the market implies ${percent(estimate.implied)} for "${market.thisOption}".`
      : `Only one side has a price; the market implies ${percent(estimate.implied)} for "${market.thisOption}".`;
  const reasoning = [
    prices,
    `Prediction markets show a favourite–longshot bias: longshots win less often than their price says and favourites more often, most of all far from expiry (Page & Clemen 2013). With ${horizon}, the log-odds are stretched by ${estimate.slope.toFixed(2)}, which gives ${percent(estimate.corrected)} (${signedPoints(estimate.corrected - estimate.implied)}).`,
    `Liquidity of ${money(market.liquidity)} and 24-hour volume of ${money(market.volume24h)} make the price ${depthWord(estimate.depth)} signal, hence a confidence of ${estimate.confidence.toFixed(2)}.`,
  ].join(" ");
  return toPrediction({
    probability: estimate.corrected,
    confidence: estimate.confidence,
    reasoning,
    keyFactors: [
      `Normalised market probability for "${market.thisOption}": ${percent(estimate.implied)}`,
      `Price overround: ${signedPoints(estimate.overround)}`,
      `Favourite–longshot correction: log-odds × ${estimate.slope.toFixed(2)} (${horizon}) → ${percent(estimate.corrected)}`,
      `Liquidity ${money(market.liquidity)}, 24 h volume ${money(market.volume24h)}`,
    ],
  });
}

export const consensusModel: LocalModelDefinition = {
  id: "consensus",
  name: "Market consensus",
  description:
    "The market's own odds, normalised and corrected for the favourite–longshot bias; confidence grows with liquidity and volume. Runs offline.",
  forecast: forecastConsensus,
};
