import { settledPnL } from "@market/core/bets/payout";
import type { Bet } from "./queries";

export const betStatusLabels: Record<Bet["status"], string> = {
  pending: "Pending",
  won: "Won",
  lost: "Lost",
  cancelled: "Cancelled",
  cashed_out: "Cashed out",
};

export function sideName(bet: Bet): string {
  return bet.side === "this" ? bet.market.thisOption : bet.market.thatOption;
}

/** Paid so far: the payout when settled; what the bet would pay while pending. */
export function betPayout(bet: Bet): { payout: number; profit: number | null } {
  if (bet.status === "pending") return { payout: bet.potentialPayout, profit: null };
  const paid = bet.actualPayout ?? 0;
  return { payout: paid, profit: settledPnL(bet.amount, paid) };
}

/**
 * What a bet is worth: a pending one at today's odds with its unrealized P&L
 * (the API values it: docs/product-rules.md#payout), a settled or cashed-out one
 * what it paid with its realized P&L. `value` is null for a pending bet whose
 * market has no odds.
 */
export function betValue(bet: Bet): {
  value: number | null;
  pnl: number | null;
  realized: boolean;
} {
  if (bet.status === "pending") {
    return { value: bet.currentValue, pnl: bet.unrealizedPnL, realized: false };
  }
  const paid = bet.actualPayout ?? 0;
  return { value: paid, pnl: settledPnL(bet.amount, paid), realized: true };
}
