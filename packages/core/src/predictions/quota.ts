import type { CoreContext } from "../context";
import { limitsOf } from "../limits";
import { type RateLimitStanding, standing } from "../rate-limit";

/** Whose counters the session limits count: the one subject start and quota share. */
export function sessionLimitSubject(userId: string): string {
  return `user:${userId}`;
}

export interface PredictionQuota {
  perHour: RateLimitStanding;
  perDay: RateLimitStanding;
}

/**
 * How many sessions the user may still start this hour and this day, and when
 * each window starts again (docs/product-rules.md#limits), so the app can say
 * so before Generate rather than after a 429. Counts nothing.
 */
export async function predictionQuota(ctx: CoreContext, userId: string): Promise<PredictionQuota> {
  const { predictionSessionsPerHour, predictionSessionsPerDay } = limitsOf(ctx.config).rateLimits;
  const subject = sessionLimitSubject(userId);
  const [perHour, perDay] = await Promise.all([
    standing(ctx, predictionSessionsPerHour, subject),
    standing(ctx, predictionSessionsPerDay, subject),
  ]);
  return { perHour, perDay };
}
