import { beforeAll, describe, expect, it } from "vitest";
import { placeBet } from "../bets/place";
import type { CoreContext } from "../context";
import { findMarket } from "../markets/market";
import { watchOdds } from "../markets/odds-watch";
import { serviceFor } from "../service";
import { aUser, createTestContext } from "../test-support";
import page1 from "./fixtures/gamma-markets-page1.json";
import { type GammaClient, type ListMarketsQuery, paginate } from "./gamma-client";
import { refreshWatchedOdds } from "./refresh";
import { polymarketMarketId, syncMarkets } from "./sync";

const start = Date.parse("2026-10-28T12:00:00.000Z");
let clockAt = start;
let ctx: CoreContext;

/** Page 1's first market under another id, at `price` for Yes. */
function gammaMarket(id: string, price: number) {
  return {
    ...(page1[0] as Record<string, unknown>),
    id,
    outcomePrices: JSON.stringify([String(price), String(Math.round((1 - price) * 100) / 100)]),
  };
}

/** Gamma over markets we can move; records which ids each by-id request asked for. */
function movableGamma(markets: Map<string, number>) {
  const askedIds: string[][] = [];
  const listMarkets = async ({ ids }: ListMarketsQuery) => {
    if (ids) askedIds.push([...ids]);
    return [...markets]
      .filter(([id]) => !ids || ids.includes(id))
      .map(([id, price]) => gammaMarket(id, price));
  };
  const client: GammaClient = { listMarkets, pages: (options) => paginate(listMarkets, options) };
  return { client, askedIds };
}

beforeAll(async () => {
  ctx = { ...(await createTestContext()), clock: () => new Date(clockAt) };
});

describe("refreshWatchedOdds", () => {
  it("re-reads only the markets with pending bets, and drops a watch whose bets are gone", async () => {
    const prices = new Map([
      ["770001", 0.62],
      ["770002", 0.5],
      ["770003", 0.4],
    ]);
    const gamma = movableGamma(prices);
    await syncMarkets(ctx, gamma.client);
    const userId = await aUser(ctx, { balance: 1_000 });
    await placeBet(ctx, {
      userId,
      marketId: polymarketMarketId("770001"),
      amount: 50,
      side: "this",
    });
    await watchOdds(ctx, polymarketMarketId("770001"));
    // Watched once, but nobody holds a bet on it any more.
    await watchOdds(ctx, polymarketMarketId("770002"));
    // A credits market has nothing to refresh from.
    await watchOdds(ctx, "m_credits");

    prices.set("770001", 0.7);
    prices.set("770002", 0.55);
    prices.set("770003", 0.3);
    clockAt = start + 10 * 60_000;
    gamma.askedIds.length = 0;
    const report = await refreshWatchedOdds(ctx, gamma.client);

    expect(report).toMatchObject({ watched: 2, dropped: 1, upserted: 1, failed: 0 });
    expect(gamma.askedIds).toEqual([["770001"]]);
    expect(await findMarket(ctx, polymarketMarketId("770001"))).toMatchObject({
      thisOdds: 0.7,
      oddsUpdatedAt: new Date(clockAt).toISOString(),
    });
    expect((await findMarket(ctx, polymarketMarketId("770002")))?.thisOdds).toBe(0.5);
    expect((await findMarket(ctx, polymarketMarketId("770003")))?.thisOdds).toBe(0.4);
    const { data } = await serviceFor(ctx.db).entities.oddsWatch.query.all({}).go();
    expect(data.map((watch) => watch.marketId)).toEqual([polymarketMarketId("770001")]);
  });

  it("keeps a watch of a few minutes even before its bet shows in the index", async () => {
    const gamma = movableGamma(new Map([["770011", 0.2]]));
    await syncMarkets(ctx, gamma.client);
    await watchOdds(ctx, polymarketMarketId("770011"));

    const report = await refreshWatchedOdds(ctx, gamma.client);

    expect(report).toMatchObject({ dropped: 0 });
    expect(gamma.askedIds.at(-1)).toContain("770011");
  });
});
