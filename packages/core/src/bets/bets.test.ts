import { beforeAll, describe, expect, it } from "vitest";
import type { CoreContext } from "../context";
import { IdempotencyKeyReused, InsufficientBalance } from "../errors";
import { getBalance, history } from "../ledger/read";
import { reconcile } from "../ledger/reconcile";
import { MarketClosed, MarketNotFound } from "../markets/errors";
import { getMarket, resolveMarket } from "../markets/market";
import type { MarketFields } from "../markets/save";
import { serviceFor } from "../service";
import { anOpenMarket, createTestContext, userWithBalance } from "../test-support";
import { InvalidBetAmount } from "./errors";
import { placeBet } from "./place";
import { settleBet, settleMarketPage } from "./settle";

let ctx: CoreContext;

beforeAll(async () => {
  ctx = await createTestContext();
});

function openMarket(overrides: Partial<MarketFields> = {}) {
  return anOpenMarket(ctx, { thisOdds: 0.65, liquidity: 100, ...overrides });
}

async function betCount(userId: string) {
  const { data } = await serviceFor(ctx.db)
    .entities.bet.query.byUser({ userId })
    .go({ pages: "all" });
  return data.length;
}

describe("placeBet", () => {
  it("debits the stake, stores the bet at the market's odds and adds volume", async () => {
    const userId = await userWithBalance(ctx, 1000);
    const marketId = await openMarket();

    const { bet, newBalance } = await placeBet(ctx, {
      userId,
      marketId,
      amount: 100,
      side: "this",
    });

    expect(bet).toMatchObject({
      amount: 100,
      oddsAtBet: 0.65,
      potentialPayout: 153.85,
      status: "pending",
    });
    expect(newBalance).toBe(900);
    const [entry] = (await history(ctx, userId, { limit: 1 })).entries;
    expect(entry).toMatchObject({ type: "bet_placed", amount: -100, referenceId: bet.betId });
    const { data: user } = await serviceFor(ctx.db).entities.user.get({ userId }).go();
    expect(user?.volume).toBe(100);
  });

  it.each([
    ["below the minimum", 9.99],
    ["above the maximum", 10_000.01],
    ["with three decimals", 10.005],
    ["not a number", "50"],
    ["NaN", Number.NaN],
  ])("refuses an amount %s and writes nothing", async (_label, amount) => {
    const userId = await userWithBalance(ctx, 1000);
    const marketId = await openMarket();

    await expect(placeBet(ctx, { userId, marketId, amount, side: "this" })).rejects.toBeInstanceOf(
      InvalidBetAmount,
    );
    expect((await getBalance(ctx, userId)).balance).toBe(1000);
    expect(await betCount(userId)).toBe(0);
  });

  it("refuses an unknown market", async () => {
    const userId = await userWithBalance(ctx, 1000);

    await expect(
      placeBet(ctx, { userId, marketId: "nope", amount: 10, side: "this" }),
    ).rejects.toBeInstanceOf(MarketNotFound);
  });

  it.each([
    ["closed", { status: "closed" as const }],
    ["not bettable", { bettable: false }],
    ["expired", { expiresAt: "2020-01-01T00:00:00.000Z" }],
    ["without odds", { thisOdds: null, thatOdds: null }],
  ])("refuses a market that is %s", async (_label, overrides) => {
    const userId = await userWithBalance(ctx, 1000);
    const marketId = await openMarket(overrides);

    await expect(
      placeBet(ctx, { userId, marketId, amount: 10, side: "that" }),
    ).rejects.toBeInstanceOf(MarketClosed);
    expect((await getBalance(ctx, userId)).balance).toBe(1000);
  });

  it("refuses a resolved market", async () => {
    const userId = await userWithBalance(ctx, 1000);
    const marketId = await openMarket();
    await resolveMarket(ctx, marketId, "this");

    await expect(
      placeBet(ctx, { userId, marketId, amount: 10, side: "this" }),
    ).rejects.toBeInstanceOf(MarketClosed);
  });

  it("refuses more than the balance", async () => {
    const userId = await userWithBalance(ctx, 50);
    const marketId = await openMarket();

    await expect(
      placeBet(ctx, { userId, marketId, amount: 50.01, side: "this" }),
    ).rejects.toBeInstanceOf(InsufficientBalance);
    expect(await betCount(userId)).toBe(0);
  });

  it("never overdraws under concurrent bets worth more than the balance", async () => {
    const userId = await userWithBalance(ctx, 500);
    const marketId = await openMarket();

    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, () =>
        placeBet(ctx, { userId, marketId, amount: 40, side: "this" }),
      ),
    );

    const placed = outcomes.filter((outcome) => outcome.status === "fulfilled");
    expect(placed).toHaveLength(12);
    for (const outcome of outcomes) {
      if (outcome.status === "rejected") expect(outcome.reason).toBeInstanceOf(InsufficientBalance);
    }
    expect((await getBalance(ctx, userId)).balance).toBe(20);
    expect(await betCount(userId)).toBe(12);
    const debits = await history(ctx, userId, { type: "bet_placed", limit: 200 });
    expect(debits.entries).toHaveLength(12);
    expect((await reconcile(ctx, userId)).consistent).toBe(true);
  });

  it("returns the first bet for a retried Idempotency-Key and refuses the key for another bet", async () => {
    const userId = await userWithBalance(ctx, 1000);
    const marketId = await openMarket();
    const input = { userId, marketId, amount: 25, side: "this" as const, idempotencyKey: "k-1" };

    const first = await placeBet(ctx, input);
    const again = await placeBet(ctx, input);

    expect(again).toEqual({ ...first, replayed: true });
    await expect(placeBet(ctx, { ...input, amount: 26 })).rejects.toBeInstanceOf(
      IdempotencyKeyReused,
    );
    expect(await betCount(userId)).toBe(1);
    expect((await getBalance(ctx, userId)).balance).toBe(975);
  });
});

describe("settlement", () => {
  it.each([
    ["this", "won", 1000 - 100 + 153.85, 53.85],
    ["that", "lost", 900, -100],
    ["invalid", "cancelled", 1000, 0],
  ] as const)(
    "settles a resolution of %s as %s, exactly once",
    async (resolution, outcome, balance, pnl) => {
      const userId = await userWithBalance(ctx, 1000);
      const marketId = await openMarket();
      const { bet } = await placeBet(ctx, { userId, marketId, amount: 100, side: "this" });
      await resolveMarket(ctx, marketId, resolution);

      const first = await settleBet(ctx, bet, resolution);
      const second = await settleBet(ctx, bet, resolution);

      expect(first).toBe(outcome);
      expect(second).toBe("already settled");
      expect((await getBalance(ctx, userId)).balance).toBeCloseTo(balance, 2);
      const { data: user } = await serviceFor(ctx.db).entities.user.get({ userId }).go();
      expect(user?.pnl).toBeCloseTo(pnl, 2);
      expect((await reconcile(ctx, userId)).consistent).toBe(true);
    },
  );

  it("settles a market page by page until no bet is pending", async () => {
    const marketId = await openMarket();
    const users = await Promise.all([1, 2, 3].map(() => userWithBalance(ctx, 1000)));
    for (const [index, userId] of users.entries()) {
      for (let n = 0; n < 5; n++) {
        await placeBet(ctx, { userId, marketId, amount: 10, side: index === 0 ? "that" : "this" });
      }
    }
    await resolveMarket(ctx, marketId, "this");

    const pages = [];
    let page = await settleMarketPage(ctx, marketId, 4);
    pages.push(page);
    while (page.more) {
      page = await settleMarketPage(ctx, marketId, 4);
      pages.push(page);
    }

    const total = pages.reduce((sum, p) => sum + p.outcomes.won + p.outcomes.lost, 0);
    expect(total).toBe(15);
    expect((await getMarket(ctx, marketId)).status).toBe("resolved");
    for (const userId of users) expect((await reconcile(ctx, userId)).consistent).toBe(true);
    expect((await getBalance(ctx, users[0] as string)).balance).toBe(950);
    expect((await getBalance(ctx, users[1] as string)).balance).toBeCloseTo(950 + 5 * 15.38, 2);
  });
});
