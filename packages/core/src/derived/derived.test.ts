import { describe, expect, it } from "vitest";
import { recordActivity } from "../analytics/activity";
import { readCreditFlows } from "../analytics/credit-flows";
import { cashOut, quoteCashout } from "../bets/cashout";
import { placeBet } from "../bets/place";
import { settleMarketPage } from "../bets/settle";
import type { CoreContext } from "../context";
import { createDb } from "../db";
import { sessionsScope } from "../entities/prediction-stat";
import { dirtyShardOf } from "../leaderboard/stats";
import { resolveMarket } from "../markets/market";
import { loadModelRegistry } from "../predictions/models/registry";
import { startSession } from "../predictions/start";
import { serviceFor } from "../service";
import { anOpenMarket, createTestContext, drainDerived, userWithBalance } from "../test-support";
import { consumeRecords } from "./consume";
import { streamRecords } from "./local-stream";
import { rebuildAggregates } from "./rebuild";
import { compareAggregates } from "./recompute";

/**
 * Derived numbers come from the table's stream, never from inside a money
 * transaction (issue 22): every aggregate equals its recomputation from the
 * ledger and the bets, although records arrive at least once, out of order,
 * and a consumer may crash in the middle of a batch.
 */

/**
 * Bets on two markets: one resolved and settled, one still open, one bet
 * cashed out; and a prediction session (its user's sessions of the day).
 */
async function someActivity(ctx: CoreContext) {
  const users = await Promise.all([1, 2, 3].map(() => userWithBalance(ctx, 1000)));
  const [alice, bob, carol] = users as [string, string, string];
  const settled = await anOpenMarket(ctx);
  const open = await anOpenMarket(ctx);
  await placeBet(ctx, { userId: alice, marketId: settled, amount: 100, side: "this" });
  await placeBet(ctx, { userId: bob, marketId: settled, amount: 50.5, side: "that" });
  await placeBet(ctx, { userId: carol, marketId: settled, amount: 20, side: "this" });
  const { bet } = await placeBet(ctx, { userId: alice, marketId: open, amount: 30, side: "that" });
  await placeBet(ctx, { userId: bob, marketId: open, amount: 10, side: "this" });
  const quote = await quoteCashout(ctx, alice, bet.betId);
  await cashOut(ctx, alice, bet.betId, quote.quoteId);
  const registry = loadModelRegistry(ctx.config);
  const model = registry.list()[0]?.id as string;
  await startSession(ctx, registry, { userId: carol, marketId: open, selectedModels: [model] });
  await resolveMarket(ctx, settled, "this");
  await settleMarketPage(ctx, settled);
  return { alice, bob, carol, settled, open };
}

async function statOf(ctx: CoreContext, userId: string) {
  const { data } = await serviceFor(ctx.db)
    .entities.userStat.get({ userId, periodKey: "all" })
    .go({ consistent: true });
  return data;
}

/** A seeded shuffle: the same "random" order every run. */
function shuffled<T>(items: T[], seed = 7): T[] {
  const out = [...items];
  let state = seed;
  for (let index = out.length - 1; index > 0; index -= 1) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const other = state % (index + 1);
    [out[index], out[other]] = [out[other] as T, out[index] as T];
  }
  return out;
}

describe("the stream consumer", () => {
  it("keeps the boards and day counters equal to their recomputation", async () => {
    const ctx = await createTestContext({ BETS_PER_USER_PER_MINUTE: "100" }, { stream: true });
    const { alice, bob, carol } = await someActivity(ctx);
    // Nothing derived is written by the money transactions themselves.
    expect(await statOf(ctx, alice)).toBeNull();

    expect(await drainDerived(ctx)).toBeGreaterThan(0);

    expect(await compareAggregates(ctx)).toMatchObject({
      differences: [],
      checked: { sessions: 1 },
    });
    const { data: carolsDay } = await serviceFor(ctx.db)
      .entities.predictionStat.query.byScope({
        scope: sessionsScope(ctx.clock().toISOString().slice(0, 10)),
      })
      .go();
    expect(carolsDay).toMatchObject([{ key: carol, sessions: 1 }]);
    // Alice: 100 on the winner at 0.5 (paid 200, +100) and 30 cashed out below its stake.
    const aliceStat = await statOf(ctx, alice);
    expect(aliceStat).toMatchObject({ placed: 2, settled: 2, volume: 130 });
    expect(aliceStat?.pnl).toBeGreaterThan(90);
    expect(aliceStat?.pnl).toBeLessThan(100);
    expect(await statOf(ctx, bob)).toMatchObject({
      placed: 2,
      settled: 1,
      volume: 60.5,
      pnl: -50.5,
    });
    expect(await statOf(ctx, carol)).toMatchObject({ placed: 1, settled: 1, volume: 20, pnl: 20 });
    // Each changed user is marked for the ranking job.
    const marked = await Promise.all(
      [alice, bob, carol].map(async (userId) => {
        const { data } = await serviceFor(ctx.db)
          .entities.rankDirty.get({ shard: dirtyShardOf(userId), userId })
          .go({ consistent: true });
        return data?.userId;
      }),
    );
    expect(marked).toEqual([alice, bob, carol]);
    // Bob's week: 1,000 granted in, 60.50 out on two bets, nothing back yet (his bet lost).
    const bobsWeek = (await readCreditFlows(ctx, bob, 1)).weeks[0];
    expect(bobsWeek).toMatchObject({
      in: 1000,
      out: 60.5,
      byType: [
        { type: "bet_placed", in: 0, out: 60.5 },
        { type: "admin_grant", in: 1000, out: 0 },
      ],
    });
  });

  it("adds nothing when a batch is delivered again, in any order", async () => {
    const ctx = await createTestContext({ BETS_PER_USER_PER_MINUTE: "100" }, { stream: true });
    await someActivity(ctx);
    const records = await streamRecords(ctx);
    expect(records.length).toBeGreaterThan(10);

    const first = await consumeRecords(ctx, shuffled(records));
    const second = await consumeRecords(ctx, shuffled(records, 11));

    expect(first.applied).toBeGreaterThan(0);
    expect(second).toEqual({ applied: 0, skipped: first.applied + first.skipped, written: [] });
    expect(await compareAggregates(ctx)).toMatchObject({ differences: [] });
  });

  it("counts every change once when it crashed in the middle of a batch", async () => {
    const ctx = await createTestContext({ BETS_PER_USER_PER_MINUTE: "100" }, { stream: true });
    await someActivity(ctx);
    const records = await streamRecords(ctx);
    // A consumer that dies after its first transaction: none after it reaches the table.
    // Its lanes commit at once, so failing only the second let the other lanes write on
    // (in the background, after the rejection): a CI run saw nothing missing at all.
    const local = ctx.db.local as { endpoint: string; region: string };
    const crashing = createDb({ table: ctx.db.table, ...local });
    let transactions = 0;
    crashing.client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === "TransactWriteItemsCommand" && ++transactions >= 2) {
          throw new Error("consumer killed");
        }
        return next(args);
      },
      { step: "initialize", name: "crashOnSecondTransaction" },
    );
    // Transactions of at most 12 items: the batch takes several.
    await expect(consumeRecords({ ...ctx, db: crashing }, records, 12)).rejects.toThrow(
      "consumer killed",
    );
    const partial = await compareAggregates(ctx);

    await consumeRecords(ctx, records);

    expect(partial.differences.length).toBeGreaterThan(0);
    expect(await compareAggregates(ctx)).toMatchObject({ differences: [] });
  });

  it("counts a user active once a day however often they are seen", async () => {
    let now = new Date("2026-12-06T10:00:00.000Z");
    const base = await createTestContext({}, { stream: true });
    const ctx: CoreContext = { ...base, clock: () => now };
    const userId = await userWithBalance(ctx, 100);
    const active = async (day: string) => {
      await drainDerived(ctx);
      const shards = Array.from({ length: ctx.config.COUNTER_SHARDS }, (_, shard) => ({
        day,
        shard,
      }));
      const { data } = await serviceFor(ctx.db).entities.dailyCounter.get(shards).go();
      return data.reduce((sum, shard) => sum + (shard.activeUsers ?? 0), 0);
    };
    // Opening the account was the day's first activity.
    await recordActivity(ctx, userId);
    expect(await active("2026-12-06")).toBe(1);

    now = new Date("2026-12-07T08:00:00.000Z");
    await recordActivity(ctx, userId);
    await recordActivity({ ...ctx, clock: () => now }, userId);
    expect(await active("2026-12-07")).toBe(1);
    expect(await active("2026-12-06")).toBe(1);
  });
});

describe("rebuilding the aggregates", () => {
  it("sets every stat and day counter that drifted back to its recomputation, and nothing else", async () => {
    const ctx = await createTestContext({ BETS_PER_USER_PER_MINUTE: "100" }, { stream: true });
    const { alice } = await someActivity(ctx);
    await drainDerived(ctx);
    const service = serviceFor(ctx.db);
    // A lost batch and a double count, as a bug would leave them.
    await service.entities.userStat
      .update({ userId: alice, periodKey: "all" })
      .add({ volume: 999 })
      .go();
    const day = (
      await service.entities.bet.query.byUser({ userId: alice }).go()
    ).data[0]?.placedAt.slice(0, 10) as string;
    await service.entities.dailyCounter
      .update({ day, shard: 0 })
      .add({ bets: 7, activeUsers: 2 })
      .go();
    const week = (await readCreditFlows(ctx, alice, 1)).weeks[0]?.week as string;
    await service.entities.userFlowWeek
      .update({ userId: alice, week })
      .add({ out_bet_placed: 500, in_purchase: 100 })
      .go();
    // Sessions counted that no session item backs.
    await service.entities.predictionStat
      .update({ scope: sessionsScope(day), key: alice })
      .add({ sessions: 2 })
      .go();
    const drifted = await compareAggregates(ctx);
    expect(drifted.differences.map((d) => `${d.key.split("#")[0]} ${d.field}`).sort()).toEqual([
      "day bets",
      "flow in_purchase",
      "flow out_bet_placed",
      "sessions sessions",
      "stat volume",
    ]);

    expect(await rebuildAggregates(ctx)).toEqual({
      statsRewritten: 1,
      daysRewritten: 1,
      flowsRewritten: 1,
      sessionsRewritten: 1,
    });

    expect(await compareAggregates(ctx)).toMatchObject({ differences: [] });
    expect(await rebuildAggregates(ctx)).toEqual({
      statsRewritten: 0,
      daysRewritten: 0,
      flowsRewritten: 0,
      sessionsRewritten: 0,
    });
    expect((await readCreditFlows(ctx, alice, 1)).weeks[0]?.byType).not.toContainEqual(
      expect.objectContaining({ type: "purchase" }),
    );
  });
});

describe("the weeks of credit flows", () => {
  it("are compared until their ttl and left out after, when DynamoDB may have deleted them", async () => {
    const ctx = await createTestContext({ CREDIT_FLOW_WEEKS_KEPT: "2" }, { stream: true });
    const userId = await userWithBalance(ctx, 300);
    await drainDerived(ctx);
    const { week } = (await readCreditFlows(ctx, userId, 1)).weeks[0] as { week: string };
    const service = serviceFor(ctx.db);
    const { data: stored } = await service.entities.userFlowWeek.get({ userId, week }).go();
    // Kept two weeks after the week ends: at most three weeks from now.
    const inThreeWeeks = Math.floor(Date.now() / 1000) + 21 * 24 * 60 * 60;
    expect(stored?.ttl).toBeGreaterThan(Math.floor(Date.now() / 1000) + 14 * 24 * 60 * 60);
    expect(stored?.ttl).toBeLessThanOrEqual(inThreeWeeks);
    // What DynamoDB's TTL does once it has passed.
    await service.entities.userFlowWeek.delete({ userId, week }).go();

    const now = await compareAggregates(ctx);
    const later = await compareAggregates({
      ...ctx,
      clock: () => new Date((inThreeWeeks + 60) * 1000),
    });

    expect(now.differences).toContainEqual(
      expect.objectContaining({ key: `flow#${userId}#${week}`, field: "in_admin_grant" }),
    );
    expect(later.differences.filter((d) => d.key.startsWith("flow#"))).toEqual([]);
  });
});

describe("the leaderboard stats of a period", () => {
  it("are compared until their ttl and left out after; the all-time stats always", async () => {
    const ctx = await createTestContext({}, { stream: true });
    const userId = await userWithBalance(ctx, 300);
    const marketId = await anOpenMarket(ctx);
    await placeBet(ctx, { userId, marketId, amount: 10, side: "this" });
    await drainDerived(ctx);
    const service = serviceFor(ctx.db);
    const { data: stats } = await service.entities.userStat.query.byUser({ userId }).go();
    const day = stats.find((stat) => stat.periodKey.startsWith("day#"));
    expect(day?.ttl).toBeDefined();
    // What DynamoDB's TTL does once it has passed, to the day's stat and the all-time one.
    for (const periodKey of [day?.periodKey as string, "all"]) {
      await service.entities.userStat.delete({ userId, periodKey }).go();
    }
    const later = await compareAggregates({
      ...ctx,
      clock: () => new Date(((day?.ttl as number) + 60) * 1000),
    });

    const missing = later.differences.filter((d) => d.key.startsWith(`stat#${userId}#`));
    expect(missing.map((d) => d.key)).toEqual([`stat#${userId}#all`, `stat#${userId}#all`]);
  });
});
