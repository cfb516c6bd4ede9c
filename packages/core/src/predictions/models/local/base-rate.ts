import type { MarketContext, Prediction } from "../types";
import { estimateConsensus, sureWord } from "./consensus";
import type { LocalModelDefinition } from "./local-model";
import { againstMarket, percent, signedPoints, toPrediction } from "./market-maths";

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
  const category = market.category ? `"${market.category}"` : "similar";
  const technicalCategory = market.category ? `"${market.category}"` : "this market's";
  const recordShare = estimate.categoryWeight / (estimate.categoryWeight + estimate.marketWeight);
  const record =
    estimate.resolved > 0
      ? `Of ${estimate.resolved} settled ${category} questions, the first-listed option (here "${market.thisOption}") won ${estimate.thisWins}: ${percent(estimate.categoryRate)} of the time.`
      : `There are no settled ${category} questions yet to learn a track record from, so this model stays close to the market.`;
  const reasoning = [
    record,
    `Questions of one kind often end the same way (many "Will X happen?" questions end in No), and prices do not always show it. The model weighs that track record against the market's own figure of ${percent(estimate.market)}, trusting the price more when more money backs it: the record counts for ${percent(recordShare, 0)} of the result.`,
    `That gives ${percent(estimate.probability)} for "${market.thisOption}", ${againstMarket(estimate.probability, estimate.market)}. The model is ${sureWord(estimate.confidence)}, as its track record is ${estimate.categoryWeight >= halfConfidenceObservations ? "long" : estimate.resolved > 0 ? "short" : "empty"}.`,
  ].join(" ");
  const method = [
    estimate.resolved > 0
      ? `Of ${estimate.resolved} resolved ${technicalCategory} markets, ${estimate.thisWins} resolved to "this": a base rate of ${percent(estimate.categoryRate)} after a uniform Beta(1, 1) prior.`
      : `No resolved ${technicalCategory} market: only the uniform Beta(1, 1) prior tempers the price.`,
    `Beta–binomial blend: each resolved market counts as ${relevance} of an observation, giving the category ${estimate.categoryWeight.toFixed(1)} pseudo-observations against ${estimate.marketWeight.toFixed(0)} for the market's bias-corrected price of ${percent(estimate.market)} (${minMarketWeight} + ${depthMarketWeight} × depth).`,
    `Posterior mean ${percent(estimate.probability)} (${signedPoints(estimate.probability - estimate.market)} from the price); confidence ${estimate.confidence.toFixed(2)} grows with the category's pseudo-observations.`,
  ].join(" ");
  return toPrediction({
    probability: estimate.probability,
    confidence: estimate.confidence,
    reasoning,
    keyFactors: [
      estimate.resolved > 0
        ? `Track record: the first-listed option won ${estimate.thisWins} of ${estimate.resolved} settled ${category} questions (${percent(estimate.categoryRate)})`
        : `Track record: 0 settled ${category} questions to learn from`,
      `The market's figure, adjusted for favourites: ${percent(estimate.market)}`,
      `The track record counts for ${percent(recordShare, 0)} of the forecast, the price for the rest`,
      `Forecast for "${market.thisOption}": ${percent(estimate.probability)} (${againstMarket(estimate.probability, estimate.market)})`,
    ],
    method,
  });
}

export const baseRateModel: LocalModelDefinition = {
  id: "base-rate",
  name: "Category base rate",
  description:
    "Looks at how settled questions of the same category ended and weighs that track record against the market's price, trusting the record more the longer it is. Runs offline.",
  forecast: forecastBaseRate,
};
