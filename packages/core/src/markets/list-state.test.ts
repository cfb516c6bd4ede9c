import { describe, expect, it } from "vitest";
import { meterDynamo } from "../../../../scripts/bench/db-calls";
import type { CoreContext } from "../context";
import { createDb } from "../db";
import { anOpenMarket, createTestContext } from "../test-support";
import { listMarkets } from "./list";

const seconds = 30;

/** A process on a fresh table whose clock the test moves, and a second process on the same table. */
async function twoProcesses() {
  const base = await createTestContext({ MARKET_LIST_STATE_SECONDS: String(seconds) });
  let now = new Date("2026-06-01T12:00:00.000Z");
  const clock = () => now;
  const ctx: CoreContext = { ...base, clock };
  const other: CoreContext = {
    ...base,
    clock,
    db: createDb({ table: base.db.table, endpoint: base.db.local?.endpoint }),
  };
  return { ctx, other, travel: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

const openList = async (ctx: CoreContext) => {
  const page = await listMarkets(ctx, { limit: 50 });
  return { ids: page.items.map((market) => market.id).sort(), total: page.total };
};

describe("a market list's total and the next end date, kept per process (MARKET_LIST_STATE_SECONDS)", () => {
  it("reads one Query for a list once both are known", async () => {
    const { ctx } = await twoProcesses();
    await anOpenMarket(ctx);
    await openList(ctx);
    const meter = meterDynamo(ctx.db);

    await openList(ctx);

    expect(meter.snapshot()).toEqual({ QueryCommand: 1 });
  });

  it("counts this process's own market writes at once, another process's within the seconds", async () => {
    const { ctx, other, travel } = await twoProcesses();
    const first = await anOpenMarket(ctx);
    expect(await openList(ctx)).toEqual({ ids: [first], total: 1 });

    const mine = await anOpenMarket(ctx);
    expect(await openList(ctx)).toEqual({ ids: [first, mine].sort(), total: 2 });

    const theirs = await anOpenMarket(other);
    const listed = await openList(ctx);
    expect(listed.ids).toEqual([first, mine, theirs].sort());
    expect(listed.total).toBe(2);
    travel(seconds * 1000);
    expect((await openList(ctx)).total).toBe(3);
  });

  it("closes an open market once the clock passes its end date, without waiting the seconds", async () => {
    const { ctx, travel } = await twoProcesses();
    const lasting = await anOpenMarket(ctx);
    const soon = await anOpenMarket(ctx, {
      expiresAt: new Date(ctx.clock().getTime() + 10_000).toISOString(),
    });
    expect(await openList(ctx)).toEqual({ ids: [lasting, soon].sort(), total: 2 });

    travel(10_001);

    expect(await openList(ctx)).toEqual({ ids: [lasting], total: 1 });
    const closed = await listMarkets(ctx, { status: "closed" });
    expect(closed.items.map((market) => market.id)).toEqual([soon]);
    expect(closed.total).toBe(1);
  });

  it("reads both for every list at 0", async () => {
    const base = await createTestContext({ MARKET_LIST_STATE_SECONDS: "0" });
    await anOpenMarket(base);
    await openList(base);
    const meter = meterDynamo(base.db);

    await openList(base);

    expect(meter.snapshot()).toEqual({ QueryCommand: 2, GetItemCommand: 1 });
  });
});
