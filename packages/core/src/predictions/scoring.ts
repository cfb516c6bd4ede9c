import {
  cancellationReasons,
  conditionFailed,
  TransactionCancelled,
  writeRetryingConflicts,
} from "../conditions";
import type { CoreContext } from "../context";
import { findMarket } from "../markets/market";
import { serviceFor } from "../service";
import { scoreWrites } from "./model-stats";

/**
 * Scores every finished forecast of a resolved market with the Brier score,
 * (p − y)², where p is the forecast probability of "this" and y is 1 when
 * "this" won. Each score is written once (condition on it being absent) and
 * added, in the same transaction, to the model's Brier totals and calibration
 * bucket and, when the forecast kept the market's probability at the time, with
 * the market's own score (m − y)² to the model's skill pairs, overall and for
 * the market's category; a conflict with another market's scoring is tried again. Invalid
 * results score nothing.
 */
export async function scorePredictions(ctx: CoreContext, marketId: string): Promise<number> {
  const market = await findMarket(ctx, marketId);
  if (market?.status !== "resolved" || !market.resolution || market.resolution === "invalid") {
    return 0;
  }
  const outcome = market.resolution === "this" ? 1 : 0;
  const service = serviceFor(ctx.db);
  const { data: predictions } = await service.entities.prediction.query
    .byMarket({ marketId })
    .where(
      (item, { eq, notExists }) =>
        `${eq(item.state, "completed")} AND ${notExists(item.brierScore)}`,
    )
    .go({ pages: "all" });
  let scored = 0;
  for (const prediction of predictions) {
    const { probability } = prediction;
    if (probability === undefined) continue;
    const brierScore = Math.round((probability - outcome) ** 2 * 1e6) / 1e6;
    // Scored against the market only when the forecast kept the market's figure.
    const { marketProbability } = prediction;
    const marketBrierScore =
      marketProbability === undefined
        ? undefined
        : Math.round((marketProbability - outcome) ** 2 * 1e6) / 1e6;
    const result = await writeRetryingConflicts(() =>
      service.transaction
        .write((entities) => [
          entities.prediction
            .patch({ sessionId: prediction.sessionId, modelId: prediction.modelId })
            .set(marketBrierScore === undefined ? { brierScore } : { brierScore, marketBrierScore })
            .where((item, { notExists }) => notExists(item.brierScore))
            .commit(),
          ...scoreWrites(entities, {
            modelId: prediction.modelId,
            probability,
            outcome,
            brierScore,
            market:
              marketBrierScore === undefined
                ? undefined
                : {
                    brierScore: marketBrierScore,
                    categoryKey: market.categoryKey,
                    category: market.category ?? "Uncategorized",
                  },
          }),
        ])
        .go(),
    );
    if (!result.canceled) {
      scored += 1;
      continue;
    }
    const reasons = cancellationReasons(result);
    // Scored meanwhile by another run (the condition), which counted it.
    if (reasons[0]?.code === conditionFailed) continue;
    // Out of tries: fail, so the settlement's last step runs (and scores) again.
    throw new TransactionCancelled("Forecast scoring", reasons);
  }
  return scored;
}
