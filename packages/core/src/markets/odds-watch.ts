import type { CoreContext } from "../context";
import { serviceFor } from "../service";

/** Mirrored markets are stored as `pm_<Gamma id>` (`polymarket/sync.ts`). */
const mirroredPrefix = "pm_";

/**
 * Puts a mirrored market on the odds refresh's list after a bet on it (a
 * credits market has no source to refresh from: nothing is written). Outside
 * the bet's transaction: a lost watch costs freshness, never money.
 */
export async function watchOdds(ctx: CoreContext, marketId: string): Promise<void> {
  if (!marketId.startsWith(mirroredPrefix)) return;
  await serviceFor(ctx.db)
    .entities.oddsWatch.put({
      marketId,
      externalId: marketId.slice(mirroredPrefix.length),
      since: ctx.clock().toISOString(),
    })
    .go();
}
