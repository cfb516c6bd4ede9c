import { describe, expect, it } from "vitest";
import type { CoreContext } from "../context";
import { anOpenMarket, createTestContext } from "../test-support";
import { listMarkets } from "./list";

/** A context whose clock the test moves, holding list pages `seconds` long. */
async function withClock(seconds: number) {
  const base = await createTestContext({ MARKET_LIST_CACHE_SECONDS: String(seconds) });
  let now = new Date("2026-06-01T12:00:00.000Z");
  const ctx: CoreContext = { ...base, clock: () => now };
  return { ctx, travel: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

const ids = async (ctx: CoreContext, input = {}) =>
  (await listMarkets(ctx, { limit: 50, ...input })).items.map((market) => market.id);

describe("market list pages held in memory (MARKET_LIST_CACHE_SECONDS)", () => {
  it("answers the same page from memory until the seconds pass, then reads the table again", async () => {
    const { ctx, travel } = await withClock(2);
    const first = await anOpenMarket(ctx);
    expect(await ids(ctx)).toEqual([first]);

    const second = await anOpenMarket(ctx);
    travel(1_500);
    expect(await ids(ctx)).toEqual([first]);
    // Another page (another limit) is read on its own.
    expect((await ids(ctx, { limit: 10 })).sort()).toEqual([first, second].sort());
    travel(600);
    expect((await ids(ctx)).sort()).toEqual([first, second].sort());
  });

  it("reads the table for every list at 0, and never holds a search", async () => {
    const { ctx } = await withClock(0);
    const first = await anOpenMarket(ctx);
    expect(await ids(ctx)).toEqual([first]);
    const second = await anOpenMarket(ctx);
    expect((await ids(ctx)).sort()).toEqual([first, second].sort());

    const held = await withClock(60);
    const market = await anOpenMarket(held.ctx, { title: "Will the comet return?" });
    expect(await ids(held.ctx, { q: "comet" })).toEqual([market]);
    const again = await anOpenMarket(held.ctx, { title: "Will a second comet pass?" });
    expect((await ids(held.ctx, { q: "comet" })).sort()).toEqual([market, again].sort());
  });

  it("shares one read among the lists that arrive while it runs", async () => {
    const { ctx } = await withClock(5);
    await anOpenMarket(ctx);
    const pages = await Promise.all([1, 2, 3].map(() => listMarkets(ctx, { limit: 5 })));
    expect(pages[1]).toBe(pages[0]);
    expect(pages[2]).toBe(pages[0]);
  });
});
