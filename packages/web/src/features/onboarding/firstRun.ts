/**
 * The first-run guide's one bit of state, per user, in this browser: set when
 * an account is created here, cleared for good when the guide is dismissed.
 */
const key = (userId: string) => `credits-market.first-run.${userId}`;

export function startFirstRun(userId: string): void {
  try {
    localStorage.setItem(key(userId), "show");
  } catch {
    // Storage off (private mode): no guide, nothing else changes.
  }
}

export function firstRunPending(userId: string): boolean {
  try {
    return localStorage.getItem(key(userId)) === "show";
  } catch {
    return false;
  }
}

export function endFirstRun(userId: string): void {
  try {
    localStorage.setItem(key(userId), "done");
  } catch {
    // Nothing to remember it in: the guide is hidden for this page's life.
  }
}
