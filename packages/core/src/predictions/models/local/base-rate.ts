import type { MarketContext, Prediction } from "../types";
import { estimateConsensus } from "./consensus";
import type { LocalModelDefinition } from "./local-model";
import { percent, signedPoints, toPrediction } from "./market-maths";

/**
 * Another market of the same category is only loosely like this one, so each
 * resolved market counts as this fraction of an observation about it. Without the
 * discount, 500 resolved markets would drown any price.
 */
const relevance = 0.1;
/**
 * Pseudo-observations the (corrected) market price is worth: from `minMarketWeight`
 * for an empty book to `minMarketWeight + depthMarketWeight` for a deep one.
 */
const minMarketWeight = 30;
const depthMarketWeight = 120;
/** Effective category observations at which the base rate counts as half of the model's confidence. */
const halfConfidenceObservations = 10;
const minConfidence = 0.2;
const confidenceSpan = 0.55;

export interface BaseRateEstimate {
  /** The consensus forecast this model starts from. */
  market: number;
  resolved: number;
  thisWins: number;
  /** Posterior mean of the category's "this" rate under a uniform Beta(1, 1) prior. */
  categoryRate: number;
  /** Pseudo-observations behind the market price and behind the category record. */
  marketWeight: number;
  categoryWeight: number;
  probability: number;
  confidence: number;
}

/**
 * Beta–binomial blend. The category's record gives a prior
 * Beta(1 + ρ·wins, 1 + ρ·losses) (uniform Beta(1, 1) plus each resolved market
 * discounted by ρ); the market's corrected price adds κ pseudo-observations split
 * p : 1 − p, with κ growing with liquidity. The forecast is the posterior mean
 * (1 + ρ·wins + κ·p) / (2 + ρ·n + κ): with no history it is the consensus pulled
 * slightly toward 50%, with a long record it leans toward the category's rate.
 */
export function estimateBaseRate(context: MarketContext): BaseRateEstimate {
  const consensus = estimateConsensus(context);
  const record = context.categoryBaseRate;
  const resolved = record ? Math.max(0, Math.floor(record.resolved)) : 0;
  const thisWins = record ? Math.min(resolved, Math.max(0, Math.floor(record.thisWins))) : 0;
  const alpha = 1 + relevance * thisWins;
  const beta = 1 + relevance * (resolved - thisWins);
  const marketWeight = minMarketWeight + depthMarketWeight * consensus.depth;
  const probability = (alpha + marketWeight * consensus.corrected) / (alpha + beta + marketWeight);
  const categoryWeight = relevance * resolved;
  const confidence =
    minConfidence +
    (confidenceSpan * categoryWeight) / (categoryWeight + halfConfidenceObservations);
  return {
    market: consensus.corrected,
    resolved,
    thisWins,
    categoryRate: (1 + thisWins) / (2 + resolved),
    marketWeight,
    categoryWeight,
    probability,
    confidence,
  };
}

/** The category's historical base rate blended with the market's price, weighted by sample size. */
export function forecastBaseRate(context: MarketContext): Prediction {
  const estimate = estimateBaseRate(context);
  const { market } = context;
  const category = market.category ? `"${market.category}"` : "this market's";
  const record =
    estimate.resolved > 0
      ? `Of ${estimate.resolved} resolved ${category} markets, ${estimate.thisWins} resolved to their "this" side (here "${market.thisOption}"): a base rate of ${percent(estimate.categoryRate)} after a uniform prior.`
      : `There is no resolved ${category} market to learn a base rate from, so only a uniform prior tempers the price.`;
  const reasoning = [
    record,
    `Questions of one kind tend to resolve alike (many "Will X happen?" markets resolve No), and prices do not always reflect that. Each resolved market counts as ${relevance} of an observation about this one, giving the category ${estimate.categoryWeight.toFixed(1)} pseudo-observations against ${estimate.marketWeight.toFixed(0)} for the market's bias-corrected price of ${percent(estimate.market)}, which grow with its liquidity.`,
    `The posterior mean is ${percent(estimate.probability)} for "${market.thisOption}" (${signedPoints(estimate.probability - estimate.market)} from the price); confidence ${estimate.confidence.toFixed(2)} grows with the size of the category's record.`,
  ].join(" ");
  return toPrediction({
    probability: estimate.probability,
    confidence: estimate.confidence,
    reasoning,
    keyFactors: [
      estimate.resolved > 0
        ? `Category record: ${estimate.thisWins} of ${estimate.resolved} resolved "this" (${percent(estimate.categoryRate)})`
        : "Category record: 0 resolved markets, so no base rate",
      `Market price after favourite–longshot correction: ${percent(estimate.market)}`,
      `Weights: category ${estimate.categoryWeight.toFixed(1)} vs market ${estimate.marketWeight.toFixed(0)} pseudo-observations`,
      `Blended probability: ${percent(estimate.probability)} (${signedPoints(estimate.probability - estimate.market)})`,
    ],
  });
}

export const baseRateModel: LocalModelDefinition = {
  id: "base-rate",
  name: "Category base rate",
  description:
    "Blends how markets of the same category have resolved (Beta prior) with the market's price, weighted by sample size. Runs offline.",
  forecast: forecastBaseRate,
};
