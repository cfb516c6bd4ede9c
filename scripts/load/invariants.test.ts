import { cashOut, placeBet, quoteCashout, settleMarketPage } from "@market/core/bets";
import { createMarket, resolveMarket } from "@market/core/markets";
import { serviceFor } from "@market/core/service";
import { describe, expect, it } from "vitest";
import {
  aNewMarket,
  createTestContext,
  userWithBalance,
} from "../../packages/core/src/test-support";
import { checkInvariants } from "./invariants";

const marketInput = aNewMarket({ title: "Invariant checker market" });

describe("the load and soak invariants", () => {
  it("hold for real bets, and catch a balance that no longer matches its ledger", async () => {
    const ctx = await createTestContext({}, { stream: true });
    const alice = await userWithBalance(ctx, 100);
    const bob = await userWithBalance(ctx, 50);
    const market = await createMarket(ctx, marketInput);
    await placeBet(ctx, { userId: alice, marketId: market.marketId, amount: 10, side: "this" });

    const clean = await checkInvariants(ctx);
    expect(clean).toMatchObject({
      ok: true,
      users: 2,
      reconcileDifferences: 0,
      reconcileJobDifferences: 0,
      negativeBalances: 0,
    });

    // A write that moved a balance without its entry: what a half-written operation would leave.
    await serviceFor(ctx.db).entities.user.patch({ userId: bob }).set({ balance: 49.99 }).go();
    const broken = await checkInvariants(ctx);

    expect(broken.ok).toBe(false);
    expect(broken.reconcileDifferences).toBe(1);
    expect(broken.reconcileJobDifferences).toBeGreaterThan(0);
    expect(broken.problems.join("\n")).toContain(`user ${bob}: balance 49.99 vs entries 50`);
    // Put back: the test run ends by reconciling every table, and fails on a difference left.
    await serviceFor(ctx.db).entities.user.patch({ userId: bob }).set({ balance: 50 }).go();
    expect((await checkInvariants(ctx)).ok).toBe(true);
  });

  it("catch a bet of a settled market left pending", async () => {
    const ctx = await createTestContext({}, { stream: true });
    const alice = await userWithBalance(ctx, 100);
    const market = await createMarket(ctx, marketInput);
    const { bet } = await placeBet(ctx, {
      userId: alice,
      marketId: market.marketId,
      amount: 10,
      side: "this",
    });
    await resolveMarket(ctx, market.marketId, "this");
    // Marked done without settling: the bet is still pending and unpaid.
    await serviceFor(ctx.db)
      .entities.market.patch({ marketId: market.marketId })
      .set({ settlement: "done" })
      .go();

    const result = await checkInvariants(ctx);

    expect(result.ok).toBe(false);
    expect(result.bets).toMatchObject({ onSettledMarkets: 1, badlySettled: 1 });
    expect(result.problems).toContain(`bet ${bet.betId}: pending with 0 payouts, 0 refunds`);
  });

  it("hold for a bet cashed out before its market settles: one cash-out, no payout", async () => {
    const ctx = await createTestContext({}, { stream: true });
    const alice = await userWithBalance(ctx, 100);
    const market = await createMarket(ctx, marketInput);
    const { bet } = await placeBet(ctx, {
      userId: alice,
      marketId: market.marketId,
      amount: 10,
      side: "this",
    });
    const quote = await quoteCashout(ctx, alice, bet.betId);
    await cashOut(ctx, alice, bet.betId, quote.quoteId);
    await resolveMarket(ctx, market.marketId, "this");
    await settleMarketPage(ctx, market.marketId);
    await serviceFor(ctx.db)
      .entities.market.patch({ marketId: market.marketId })
      .set({ settlement: "done" })
      .go();

    const result = await checkInvariants(ctx);

    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ ok: true, bets: { onSettledMarkets: 1, badlySettled: 0 } });
  });
});
