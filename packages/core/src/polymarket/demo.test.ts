import { describe, expect, it } from "vitest";
import { createDemoGammaClient, demoGammaPages } from "./demo";
import { createDemoClobClient } from "./history/demo";
import { type ImportedMarket, mapGammaMarket } from "./mapping";

function demoMarkets(): ImportedMarket[] {
  return demoGammaPages().flatMap((page) =>
    page.map((item) => {
      const result = mapGammaMarket(item);
      if (result.kind !== "market") throw new Error(`demo item skipped: ${JSON.stringify(result)}`);
      return result.market;
    }),
  );
}

describe("demo markets", () => {
  it("are about thirty valid binary markets with unique ids", () => {
    const markets = demoMarkets();

    expect(markets.length).toBeGreaterThanOrEqual(25);
    expect(new Set(markets.map((m) => m.externalId)).size).toBe(markets.length);
  });

  it("open ones expire in 2027 or later", () => {
    const open = demoMarkets().filter((m) => !m.closed);

    for (const market of open) expect(market.expiresAt ?? "").toMatch(/^20(2[7-9]|[3-9]\d)-/);
    expect(open.filter((m) => m.bettable).length).toBeGreaterThanOrEqual(20);
  });

  it("include a market without prices and settled ones of every kind", () => {
    const markets = demoMarkets();
    const resolutions = markets.flatMap((m) =>
      m.result.state === "final" ? [m.result.resolution] : [],
    );

    expect(markets.some((m) => m.thisOdds === null && !m.closed)).toBe(true);
    expect(new Set(resolutions)).toEqual(new Set(["this", "that", "invalid"]));
    expect(markets.some((m) => m.closed && m.result.state === "pending")).toBe(true);
    expect(new Set(markets.map((m) => m.category)).size).toBeGreaterThanOrEqual(6);
  });

  it("page like the real client and filter by closed", async () => {
    const client = createDemoGammaClient();

    const all = [];
    for await (const page of client.pages({ pageSize: 7 })) all.push(page);
    const open = await client.listMarkets({ limit: 100, offset: 0, closed: false });

    expect(all.flat()).toHaveLength(demoGammaPages()[0]?.length ?? 0);
    expect(all.every((page) => page.length <= 7)).toBe(true);
    expect(open.every((item) => (item as { closed: boolean }).closed === false)).toBe(true);
    expect(open.length).toBeLessThan(all.flat().length);
  });

  it("hand out copies, so edits do not leak into the dataset", async () => {
    const client = createDemoGammaClient();
    const [first] = await client.listMarkets({ limit: 1, offset: 0 });
    (first as { question: string }).question = "edited";

    const [again] = await client.listMarkets({ limit: 1, offset: 0 });

    expect((again as { question: string }).question).not.toBe("edited");
  });
});

describe("demo price histories (invented)", () => {
  const now = Date.parse("2026-12-06T21:00:00.000Z");
  const yesToken = (id: string) => {
    const item = demoGammaPages()
      .flat()
      .find((market) => (market as { id: string }).id === id) as { clobTokenIds: string };
    return (JSON.parse(item.clobTokenIds) as string[])[0] as string;
  };

  it("go back months and end at the market's price of now", async () => {
    const clob = createDemoClobClient({ now: () => now });

    const points = await clob.pricesHistory({
      tokenId: yesToken("990000101"),
      interval: "max",
      fidelity: 360,
    });

    expect(points.length).toBeGreaterThan(500);
    const firstAt = Date.parse(points[0]?.at ?? "");
    expect(now - firstAt).toBeGreaterThan(120 * 24 * 60 * 60 * 1000);
    expect(points.at(-1)?.price).toBeCloseTo(0.23, 2);
    expect(points.every((point) => point.price > 0 && point.price < 1)).toBe(true);
    expect(new Set(points.map((point) => point.price)).size).toBeGreaterThan(50);
  });

  it("are the same on every call, and differ between markets", async () => {
    const clob = createDemoClobClient({ now: () => now });
    const query = { interval: "max", fidelity: 360 } as const;

    const once = await clob.pricesHistory({ tokenId: yesToken("990000102"), ...query });
    const again = await clob.pricesHistory({ tokenId: yesToken("990000102"), ...query });
    const other = await clob.pricesHistory({ tokenId: yesToken("990000103"), ...query });

    expect(again).toEqual(once);
    expect(other.map((point) => point.price)).not.toEqual(once.map((point) => point.price));
  });

  it("know no token they were not made for", async () => {
    const clob = createDemoClobClient({ now: () => now });

    expect(await clob.pricesHistory({ tokenId: "12345", interval: "max" })).toEqual([]);
  });
});
