import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { placeBet } from "../bets/place";
import { settleMarketPage } from "../bets/settle";
import type { CoreContext } from "../context";
import { betStatuses } from "../entities/bet";
import { ledgerEntryTypes } from "../entities/ledger-entry";
import { betCounterOf, entryCounterOf } from "../entities/user";
import { countMarkets } from "../markets/counts";
import { resolveMarket } from "../markets/market";
import { listRecentSessions } from "../predictions/read";
import { serviceFor } from "../service";
import { anOpenMarket, aUser, createTestContext } from "../test-support";
import { backfillListCounters } from "./backfill";

let ctx: CoreContext;

beforeAll(async () => {
  ctx = await createTestContext();
});

const keyOf = (params: object) => (params as { Key: Record<string, string> }).Key;

/** Takes an item back to before the counters: its counter attributes removed. */
async function forgetCounters(userId: string): Promise<void> {
  const counters = [...ledgerEntryTypes.map(entryCounterOf), ...betStatuses.map(betCounterOf)];
  await ctx.db.client.send(
    new UpdateCommand({
      TableName: ctx.db.table,
      Key: keyOf(serviceFor(ctx.db).entities.user.get({ userId }).params()),
      UpdateExpression: `REMOVE ${counters.map((_, index) => `#c${index}`).join(", ")}`,
      ExpressionAttributeNames: Object.fromEntries(
        counters.map((counter, index) => [`#c${index}`, counter]),
      ),
      ConditionExpression: "attribute_exists(pk)",
    }),
  );
}

describe("backfillListCounters", () => {
  it("sets counters and index keys of data written before them, and changes correct ones not at all", async () => {
    const won = await anOpenMarket(ctx, { category: "Backfill weather" });
    const open = await anOpenMarket(ctx, { category: "Backfill weather" });
    const userId = await aUser(ctx, { balance: 500 });
    await placeBet(ctx, { userId, marketId: won, amount: 10, side: "this" });
    await placeBet(ctx, { userId, marketId: won, amount: 10, side: "that" });
    await placeBet(ctx, { userId, marketId: open, amount: 10, side: "this" });
    await resolveMarket(ctx, won, "this");
    await settleMarketPage(ctx, won);
    const service = serviceFor(ctx.db);
    const expected = {
      entries_admin_grant: 1,
      entries_bet_placed: 3,
      entries_bet_payout: 1,
      bets_pending: 1,
      bets_won: 1,
      bets_lost: 1,
      bets_cancelled: 0,
    };
    // Written by the transactions themselves.
    const { bets_cancelled: _none, ...written } = expected;
    expect((await service.entities.user.get({ userId }).go()).data).toMatchObject(written);
    const weather = { status: "open", categoryKey: "backfill weather" } as const;
    expect(await countMarkets(ctx, weather)).toBe(1);

    // As if written before the counters and the session index existed.
    await forgetCounters(userId);
    await service.entities.marketCount
      .put({ scope: '["open","backfill weather","*"]', count: 7 })
      .go();
    await service.entities.predictionSession
      .create({
        sessionId: `s-${userId}`,
        userId,
        marketId: open,
        marketTitle: "A market",
        selectedModels: ["consensus"],
        charged: 1,
        status: "finished",
        step: "done",
        createdAt: ctx.clock().toISOString(),
        updatedAt: ctx.clock().toISOString(),
      })
      .go();
    await ctx.db.client.send(
      new UpdateCommand({
        TableName: ctx.db.table,
        Key: keyOf(service.entities.predictionSession.get({ sessionId: `s-${userId}` }).params()),
        UpdateExpression: "REMOVE gsi3pk, gsi3sk",
      }),
    );
    expect((await listRecentSessions(ctx, userId, { marketId: open })).items).toEqual([]);

    const dry = await backfillListCounters(ctx, { dryRun: true });
    expect(
      (await service.entities.user.get({ userId }).go()).data?.entries_bet_placed,
    ).toBeUndefined();
    const report = await backfillListCounters(ctx);

    expect(dry).toMatchObject({ usersCounted: report.usersCounted, sessionsIndexed: 1 });
    expect(report).toMatchObject({ users: 1, markets: 2, sessionsIndexed: 1 });
    expect((await service.entities.user.get({ userId }).go()).data).toMatchObject(expected);
    expect(await countMarkets(ctx, weather)).toBe(1);
    expect(await countMarkets(ctx, { status: "resolved" })).toBe(1);
    expect(await countMarkets(ctx, { status: "open", marketType: "credits" })).toBe(1);
    expect((await listRecentSessions(ctx, userId, { marketId: open })).items).toMatchObject([
      { sessionId: `s-${userId}` },
    ]);
    // Again: the same numbers, nothing left to index.
    expect(await backfillListCounters(ctx)).toMatchObject({ sessionsIndexed: 0 });
    expect((await service.entities.user.get({ userId }).go()).data).toMatchObject(expected);
  });
});
