/**
 * A bet being written, per market, in this tab (sessionStorage): the side and
 * the amount typed so far survive a reload, a sign-in that ended mid-bet, or a
 * trip to the login page. Kept while an amount is typed; the placed bet clears
 * its amount, and with it the draft.
 */
export interface BetDraft {
  side: "this" | "that";
  amount: string;
}

const key = (marketId: string) => `credits-market.bet-draft.${marketId}`;

export function readBetDraft(marketId: string): Partial<BetDraft> {
  try {
    const stored = JSON.parse(sessionStorage.getItem(key(marketId)) ?? "{}") as Partial<BetDraft>;
    return {
      ...(stored.side === "this" || stored.side === "that" ? { side: stored.side } : {}),
      ...(typeof stored.amount === "string" ? { amount: stored.amount } : {}),
    };
  } catch {
    // Storage off (private mode) or a value from elsewhere: no draft.
    return {};
  }
}

export function keepBetDraft(marketId: string, draft: BetDraft): void {
  try {
    if (draft.amount.trim() === "") sessionStorage.removeItem(key(marketId));
    else sessionStorage.setItem(key(marketId), JSON.stringify(draft));
  } catch {
    // Storage off or full: the form still works, the draft is not kept.
  }
}
