import type { CoreContext } from "../context";
import { findMarket } from "../markets/market";
import { serviceFor } from "../service";

/**
 * Scores every finished forecast of a resolved market with the Brier score,
 * (p − y)², where p is the forecast probability of "this" and y is 1 when
 * "this" won. Each score is written once (condition on it being absent) and
 * added to the model's running totals in the same transaction. Invalid
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
    if (prediction.probability === undefined) continue;
    const brierScore = Math.round((prediction.probability - outcome) ** 2 * 1e6) / 1e6;
    const result = await service.transaction
      .write(({ prediction: entity, predictionStat }) => [
        entity
          .patch({ sessionId: prediction.sessionId, modelId: prediction.modelId })
          .set({ brierScore })
          .where((item, { notExists }) => notExists(item.brierScore))
          .commit(),
        predictionStat
          .update({ scope: `model#${prediction.modelId}`, key: "scores" })
          .add({ brierSum: brierScore, brierCount: 1 })
          .commit(),
      ])
      .go();
    if (!result.canceled) scored += 1;
  }
  return scored;
}
