import type { CoreContext } from "../context";
import { serviceFor } from "../service";

/** Mirrored markets are stored as `pm_<Gamma id>` (`polymarket/sync.ts`). */
export const mirroredPrefix = "pm_";

/**
 * Puts a mirrored market on the odds refresh's list (a credits market has no
 * source to refresh from: nothing is written). A bet puts its market there
 * through the stream consumer (`derived/`), off the bet's request path; this
 * is for jobs and tests.
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
