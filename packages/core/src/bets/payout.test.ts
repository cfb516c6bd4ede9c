import { describe, expect, it } from "vitest";
import {
  cashoutAmountFor,
  currentValue,
  payoutFor,
  profitIfWon,
  settledPnL,
  unrealizedPnL,
} from "./payout";

describe("profitIfWon", () => {
  it.each([
    { amount: 100, odds: 0.5, profit: 100 },
    { amount: 10, odds: 0.65, profit: 5.38 },
    { amount: 0.1, odds: 0.3, profit: 0.23 },
    { amount: 33.33, odds: 0.99, profit: 0.34 },
  ])("a bet of $amount at $odds gains $profit if it wins", ({ amount, odds, profit }) => {
    expect(profitIfWon(amount, odds)).toBe(profit);
  });

  it("is exactly the payout the bet records minus its stake, to the cent", () => {
    for (const [amount, odds] of [
      [10, 0.65],
      [0.7, 0.3],
      [123.45, 0.17],
      [5000, 0.01],
    ] as const) {
      const profit = profitIfWon(amount, odds);
      expect(Math.round(profit * 100)).toBe(
        Math.round(payoutFor(amount, odds) * 100) - Math.round(amount * 100),
      );
      // The same rule the settled side of the story uses: no drift between the two.
      expect(profit).toBe(settledPnL(amount, payoutFor(amount, odds)));
    }
  });
});

describe("position value", () => {
  it.each([
    { payout: 500, odds: 0.6, value: 300, pnl: 200, stake: 100 },
    { payout: 125, odds: 0.6, value: 75, pnl: -25, stake: 100 },
    { payout: 15.38, odds: 0.33, value: 5.08, pnl: -4.92, stake: 10 },
  ])("a bet paying $payout is worth $value at $odds", ({ payout, odds, value, pnl, stake }) => {
    expect(currentValue(payout, odds)).toBe(value);
    expect(unrealizedPnL(stake, value)).toBe(pnl);
  });

  it.each([
    { value: 75, fee: 0.05, amount: 71.25 },
    { value: 0.01, fee: 0.05, amount: 0 },
    { value: 5.08, fee: 0.05, amount: 4.82 },
    { value: 100, fee: 0, amount: 100 },
  ])("cashes $value out for $amount at a fee of $fee, rounding down", ({ value, fee, amount }) => {
    expect(cashoutAmountFor(value, fee)).toBe(amount);
  });
});
