import type { MarketItem } from "../entities/market";
import { OddsChanged } from "./errors";

/**
 * Refuses a bet whose `expectedOdds` (the price the user saw) are more than
 * `slippage` away from today's odds of its side, before anything is written:
 * the user decides again at the new price. Without `expectedOdds`, any price goes.
 */
export function assertExpectedOdds(
  market: Pick<MarketItem, "marketId" | "thisOdds" | "thatOdds">,
  side: "this" | "that",
  expectedOdds: number | undefined,
  slippage: number,
): void {
  if (expectedOdds === undefined) return;
  const odds = side === "this" ? market.thisOdds : market.thatOdds;
  if (odds === undefined) return;
  // In ten-thousandths (odds have 4 decimals), so 0.02 away is within 0.02.
  if (
    Math.abs(Math.round(odds * 10_000) - Math.round(expectedOdds * 10_000)) <=
    Math.round(slippage * 10_000)
  ) {
    return;
  }
  throw new OddsChanged({ marketId: market.marketId, side, expectedOdds, odds, slippage });
}
