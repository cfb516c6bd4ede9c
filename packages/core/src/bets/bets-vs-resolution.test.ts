import { describe, expect, it } from "vitest";
import type { Resolution } from "../entities/market";
import { resolveMarket } from "../markets";
import { MarketClosed } from "../markets/errors";
import { gateShardOf } from "../markets/gate";
import { serviceFor } from "../service";
import { anOpenMarket, createTestContext, userWithBalance } from "../test-support";
import { placeBet } from "./place";
import { settleMarketPage } from "./settle";

/**
 * A bet racing its market's resolution (issue 22): either it committed before
 * the resolution, and the settlement pays it exactly once, or it is refused
 * with MARKET_CLOSED and nothing is charged. Never accepted after.
 */
describe("50 bets on one market while an admin resolves it", () => {
  it("puts bets of users on different gates on different items", async () => {
    const ctx = await createTestContext();
    const users = Array.from({ length: 200 }, (_, index) => `user-${index}`);
    const shards = new Set(users.map((userId) => gateShardOf(ctx, userId)));
    // 200 users over 64 gates: nearly every gate has some, none has most.
    expect(shards.size).toBeGreaterThan(55);
  });

  it("settles every accepted bet once and refuses every other with MARKET_CLOSED", async () => {
    const ctx = await createTestContext({ BETS_PER_USER_PER_MINUTE: "100" });
    const marketId = await anOpenMarket(ctx, { thisOdds: 0.5 });
    const users = await Promise.all(Array.from({ length: 50 }, () => userWithBalance(ctx, 100)));
    const resolution: Resolution = "this";

    const bets = users.map((userId, index) =>
      placeBet(ctx, { userId, marketId, amount: 10, side: index % 2 ? "that" : "this" }),
    );
    // The admin resolves while the bets are in flight.
    let committedBy = "";
    const resolved = new Promise((done) => setTimeout(done, 5))
      .then(() => resolveMarket(ctx, marketId, resolution))
      .finally(() => {
        committedBy = ctx.clock().toISOString();
      });
    const outcomes = await Promise.allSettled(bets);
    await resolved;

    const accepted = outcomes.flatMap((outcome) =>
      outcome.status === "fulfilled" ? [outcome.value.bet] : [],
    );
    const refused = outcomes.flatMap((outcome) =>
      outcome.status === "rejected" ? [outcome.reason] : [],
    );
    expect(accepted.length + refused.length).toBe(50);
    // The race was a race: some bets got in before the resolution, some did not.
    expect(accepted.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    for (const reason of refused) expect(reason).toBeInstanceOf(MarketClosed);
    // Every accepted bet was placed before the resolution had committed. (Not
    // before its `resolvedAt`: that is stamped before its transaction, which
    // conflicts with the bets' gate checks and may be retried meanwhile.)
    for (const bet of accepted) expect(bet.placedAt <= committedBy).toBe(true);

    // The resolution shut every gate of the market in its own transaction.
    const gates = await Promise.all(
      Array.from({ length: ctx.config.MARKET_GATE_SHARDS }, (_, shard) =>
        serviceFor(ctx.db).entities.marketGate.get({ marketId, shard }).go({ consistent: true }),
      ),
    );
    expect(gates.filter(({ data }) => data?.closedAt !== undefined)).toHaveLength(
      ctx.config.MARKET_GATE_SHARDS,
    );

    while ((await settleMarketPage(ctx, marketId)).more) {}
    await settleMarketPage(ctx, marketId); // a second run pays nothing more

    const service = serviceFor(ctx.db);
    const { data: stored } = await service.entities.bet.query
      .pendingByMarket({ marketId, status: "pending" })
      .go({ pages: "all" });
    expect(stored).toEqual([]);
    for (const [index, userId] of users.entries()) {
      const bet = accepted.find((candidate) => candidate.userId === userId);
      const { data: entries } = await service.entities.ledgerEntry.query
        .byUser({ userId })
        .go({ pages: "all" });
      const types = entries.map((entry) => entry.type).sort();
      const { data: user } = await service.entities.user.get({ userId }).go();
      if (!bet) {
        // Refused: charged nothing, no bet left behind.
        expect(types).toEqual(["admin_grant"]);
        expect(user?.balance).toBe(100);
        continue;
      }
      const won = (index % 2 ? "that" : "this") === resolution;
      expect(types).toEqual(
        won ? ["admin_grant", "bet_payout", "bet_placed"] : ["admin_grant", "bet_placed"],
      );
      expect(user?.balance).toBe(won ? 110 : 90);
    }
  });
});
