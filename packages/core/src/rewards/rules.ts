/**
 * The daily reward's timing rules (docs/product-rules.md, "Daily reward"). The
 * amount is `DAILY_REWARD` in config.ts.
 */
const hour = 60 * 60 * 1000;

/** A claim is allowed once this long has passed since the last one (rolling, not midnight). */
export const claimIntervalMs = 24 * hour;

/** A claim within this long of the previous one continues the streak; later starts it over. */
export const streakWindowMs = 48 * hour;

/** When the next claim opens after a claim at `claimedAt`. */
export function nextClaimAt(claimedAt: Date): Date {
  return new Date(claimedAt.getTime() + claimIntervalMs);
}

/** The streak a claim at `now` makes, given the previous claim and streak. */
export function streakAfter(previous: Date | null, streak: number, now: Date): number {
  if (!previous) return 1;
  return now.getTime() - previous.getTime() <= streakWindowMs ? streak + 1 : 1;
}
