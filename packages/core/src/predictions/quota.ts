import type { CoreContext } from "../context";
import { limitsOf } from "../limits";
import { heldStanding, type RateLimitStanding } from "../rate-limit";
import { serviceFor } from "../service";

export interface PredictionQuota {
  perHour: RateLimitStanding;
  perDay: RateLimitStanding;
}

/**
 * How many sessions the user may still start this hour and this day, and when
 * each window starts again (docs/product-rules.md#limits), so the app can say
 * so before Generate rather than after a 429: the windows a start counts on
 * the user item, one GetItem. Counts nothing.
 */
export async function predictionQuota(ctx: CoreContext, userId: string): Promise<PredictionQuota> {
  const { predictionSessionsPerHour, predictionSessionsPerDay } = limitsOf(ctx.config).rateLimits;
  const { data: user } = await serviceFor(ctx.db)
    .entities.user.get({ userId })
    .go({ consistent: true, attributes: ["rateWindows"] });
  return {
    perHour: heldStanding(ctx, predictionSessionsPerHour, user?.rateWindows?.sessionsHour),
    perDay: heldStanding(ctx, predictionSessionsPerDay, user?.rateWindows?.sessionsDay),
  };
}
