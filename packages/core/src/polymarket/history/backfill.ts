import type { CoreContext } from "../../context";
import type { MarketItem } from "../../entities/market";
import { serviceFor } from "../../service";
import { roundOdds } from "../mapping";
import type { ClobClient } from "./clob-client";

/** One point every 6 hours: 90 days are 360 snapshots, a year 1,460. */
const backfillFidelityMinutes = 360;
/** Snapshots one backfill writes at most (the newest): a bound on a very old market. */
const maxBackfillPoints = 1_500;

/**
 * Copies a mirrored market's price history from the CLOB (`prices-history` of
 * its `this` token, all of it at 6-hour fidelity) into odds snapshots, then
 * marks the market backfilled. Snapshots are keyed by market and time, so a
 * second run rewrites the same items. Points at or after the market's own
 * first snapshot are left to the sync. Throws what the client throws
 * (`PolymarketUnavailable`, `PolymarketBadResponse`): nothing is marked then,
 * and a later sync tries again.
 */
export async function backfillOddsHistory(
  ctx: CoreContext,
  clob: ClobClient,
  market: Pick<MarketItem, "marketId" | "clobTokenId" | "createdAt">,
): Promise<number> {
  if (!market.clobTokenId) return 0;
  const history = await clob.pricesHistory({
    tokenId: market.clobTokenId,
    interval: "max",
    fidelity: backfillFidelityMinutes,
  });
  const snapshots = history
    .filter((point) => point.at < market.createdAt && point.price > 0 && point.price < 1)
    .slice(-maxBackfillPoints)
    .map((point) => ({
      marketId: market.marketId,
      takenAt: point.at,
      thisOdds: roundOdds(point.price),
      thatOdds: roundOdds(1 - point.price),
    }));
  const service = serviceFor(ctx.db);
  if (snapshots.length > 0) {
    const { unprocessed } = await service.entities.oddsSnapshot.put(snapshots).go();
    if (unprocessed.length > 0) {
      throw new Error(`${unprocessed.length} odds snapshots of ${market.marketId} not written`);
    }
  }
  await service.entities.market
    .patch({ marketId: market.marketId })
    .set({ historyBackfilledAt: ctx.clock().toISOString() })
    .go();
  return snapshots.length;
}
