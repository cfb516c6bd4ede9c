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

/**
 * The streak as it stands at `now`, given the last claim and the streak it
 * made: that streak while a claim now would continue it (the last claim is
 * within `streakWindowMs`), else 0. What every profile shows (`privateProfile`).
 */
export function streakAt(lastClaim: Date | string | null | undefined, streak: number, now: Date) {
  if (!lastClaim) return 0;
  const since = now.getTime() - new Date(lastClaim).getTime();
  return since <= streakWindowMs ? streak : 0;
}

/** The streak a claim at `now` makes, given the previous claim and streak. */
export function streakAfter(previous: Date | null, streak: number, now: Date): number {
  return streakAt(previous, streak, now) + 1;
}
