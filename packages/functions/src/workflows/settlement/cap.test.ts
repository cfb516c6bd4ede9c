import { type CoreContext, serviceFor } from "@market/core";
import { placeBet } from "@market/core/bets";
import { grant, history, reconcile } from "@market/core/ledger";
import { getMarket, resolveMarket } from "@market/core/markets";
import { beforeAll, describe, expect, it } from "vitest";
import { anOpenMarket, createTestContext, userWithBalance } from "../../test-support/core";
import { createLocalSettlementStarter } from "./local";

// Payouts at the balance cap (docs/product-rules.md): credited up to the cap, the
// bet `won` with `actualPayout` = what was credited, the rest forfeited on the entry.

let ctx: CoreContext;
const cap = 1_000_000;

beforeAll(async () => {
  ctx = await createTestContext();
});

function openMarket(): Promise<string> {
  return anOpenMarket(ctx, { title: "Does the payout stop at the cap?", thisOdds: 0.4 });
}

/** A user who bet 100 on `this` (payout 250) and then holds `balanceAtSettlement`. */
async function bettorHolding(marketId: string, balanceAtSettlement: number) {
  const userId = await userWithBalance(ctx, 1000);
  const { bet } = await placeBet(ctx, { userId, marketId, amount: 100, side: "this" });
  await grant(ctx, {
    userId,
    type: "admin_grant",
    amount: Math.round((balanceAtSettlement - 900) * 100) / 100,
    reason: "top up to the test's balance",
    idempotencyKey: `top-up#${userId}`,
  });
  return { userId, bet };
}

describe("settlement of a winning bet at the balance cap", () => {
  it.each([
    ["at the cap", cap, 0, 250],
    ["one cent below the cap", cap - 0.01, 0.01, 249.99],
    ["200 below the cap", cap - 200, 200, 50],
    ["with room for the whole payout", cap - 250, 250, 0],
  ])(
    "%s (balance %s): credits %s, forfeits %s, and the settlement finishes",
    async (_label, balance, credited, forfeited) => {
      const marketId = await openMarket();
      const { userId, bet } = await bettorHolding(marketId, balance);
      await resolveMarket(ctx, marketId, "this");

      const run = await (await createLocalSettlementStarter(ctx).start(marketId)).done;

      expect(run.status).toBe("SUCCEEDED");
      expect((await getMarket(ctx, marketId)).settlement).toBe("done");
      const { data: settled } = await serviceFor(ctx.db)
        .entities.bet.get({ betId: bet.betId })
        .go();
      expect(settled).toMatchObject({ status: "won", actualPayout: credited });
      const [entry] = (await history(ctx, userId, { limit: 1 })).entries;
      expect(entry).toMatchObject({
        type: "bet_payout",
        amount: credited,
        referenceId: bet.betId,
        balanceAfter: Math.min(cap, balance + 250),
      });
      expect(entry?.forfeited).toBe(forfeited === 0 ? undefined : forfeited);
      if (forfeited > 0)
        expect(entry?.reason).toContain(`${forfeited} over the balance cap forfeited`);
      const { data: user } = await serviceFor(ctx.db).entities.user.get({ userId }).go();
      expect(user?.pnl).toBeCloseTo(credited - 100, 2);
      expect(await reconcile(ctx, userId)).toMatchObject({ consistent: true });
    },
  );

  it("pays a capped payout once when the settlement runs again", async () => {
    const marketId = await openMarket();
    const { userId, bet } = await bettorHolding(marketId, cap - 0.01);
    await resolveMarket(ctx, marketId, "this");
    const starter = createLocalSettlementStarter(ctx);

    expect((await (await starter.start(marketId)).done).status).toBe("SUCCEEDED");
    expect((await (await starter.start(marketId)).done).status).toBe("SUCCEEDED");

    const payouts = (await history(ctx, userId, { type: "bet_payout" })).entries;
    expect(payouts).toHaveLength(1);
    expect(payouts[0]).toMatchObject({ amount: 0.01, forfeited: 249.99, referenceId: bet.betId });
    expect(await reconcile(ctx, userId)).toMatchObject({ consistent: true, balance: cap });
  });

  it("races two settlements of the same capped bet and pays once", async () => {
    const marketId = await openMarket();
    const { userId } = await bettorHolding(marketId, cap - 10);
    await resolveMarket(ctx, marketId, "this");

    const runs = await Promise.all([
      createLocalSettlementStarter(ctx).start(marketId),
      createLocalSettlementStarter(ctx).start(marketId),
    ]);
    const results = await Promise.all(runs.map((run) => run.done));

    expect(results.map((result) => result.status)).toEqual(["SUCCEEDED", "SUCCEEDED"]);
    const payouts = (await history(ctx, userId, { type: "bet_payout" })).entries;
    expect(payouts).toHaveLength(1);
    expect(payouts[0]).toMatchObject({ amount: 10, forfeited: 240 });
    expect(await reconcile(ctx, userId)).toMatchObject({ consistent: true, balance: cap });
  });
});
