import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CoreContext } from "../context";
import { findMarket } from "../markets/market";
import { oddsHistory } from "../markets/save";
import { serviceFor } from "../service";
import { createTestContext } from "../test-support";
import page1 from "./fixtures/gamma-markets-page1.json";
import page2 from "./fixtures/gamma-markets-page2.json";
import { createGammaClient } from "./gamma-client";
import { polymarketMarketId, type SyncReport, syncMarkets } from "./sync";

let ctx: CoreContext;
let server: Server;
let baseUrl: string;
const requests: string[] = [];

beforeAll(async () => {
  // The pages were recorded in mid-2026: at that time their open markets were
  // before their end dates (an open market past its end date is stored closed).
  // The clock runs from there (snapshots are keyed by the time they are taken).
  const recordedAt = Date.parse("2026-06-01T00:00:00.000Z") - Date.now();
  ctx = { ...(await createTestContext()), clock: () => new Date(Date.now() + recordedAt) };
  // The recorded pages, served by offset like Gamma's /markets.
  server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    requests.push(url.search);
    const offset = Number(url.searchParams.get("offset") ?? 0);
    const body = offset === 0 ? page1 : offset === 25 ? page2 : [];
    response.writeHead(200, { "content-type": "application/json", connection: "close" });
    response.end(JSON.stringify(body));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.close();
});

const market = (externalId: string) => findMarket(ctx, polymarketMarketId(externalId));

describe("syncMarkets over the recorded Gamma pages", () => {
  let first: SyncReport;
  const resolvedIds: string[] = [];

  beforeAll(async () => {
    first = await syncMarkets(ctx, createGammaClient({ baseUrl }), {
      pageSize: 25,
      onResolved: async (marketId) => {
        resolvedIds.push(marketId);
      },
    });
  });

  it("reports what it fetched, stored, skipped and resolved", () => {
    expect(first).toMatchObject({
      fetched: 35,
      skipped: 1,
      skippedReasons: { not_binary: 1 },
      resolved: 8,
      needsReview: 1,
      failed: 0,
    });
    expect(first.upserted + first.unchanged).toBe(34);
    expect(requests.slice(0, 2)).toEqual(["?limit=25&offset=0", "?limit=25&offset=25"]);
  });

  it("skips the three-outcome market", async () => {
    expect(await market("1211002")).toBeNull();
  });

  it("stores a market without prices but takes no bets on it", async () => {
    expect(await market("1212550")).toMatchObject({ status: "open", bettable: false });
    expect((await market("1212550"))?.thisOdds).toBeUndefined();
  });

  it.each([
    ["1120334", "this"],
    ["1124719", "that"],
    ["1204877", "that"],
    ["1199650", "invalid"],
    ["1011930", "this"],
    ["1137740", "that"],
    ["1144512", "this"],
    ["1211481", "that"],
  ])("resolves %s as %s and hands it to settlement", async (externalId, resolution) => {
    expect(await market(externalId)).toMatchObject({ status: "resolved", resolution });
    expect(resolvedIds).toContain(polymarketMarketId(externalId));
  });

  it.each(["1170088", "1180077", "1188820", "239"])(
    "keeps %s closed and unresolved (not final)",
    async (externalId) => {
      const stored = await market(externalId);
      expect(stored).toMatchObject({ status: "closed", bettable: false });
      expect(stored?.resolution).toBeUndefined();
    },
  );

  it("stores the market seen on both pages once, with the newer odds", async () => {
    const { data } = await serviceFor(ctx.db)
      .entities.market.query.byStatusTrending({ status: "open" })
      .where((item, { eq }) => eq(item.externalId, "1187402"))
      .go({ pages: "all" });
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({ thisOdds: 0.63, thatOdds: 0.37 });
    const history = await oddsHistory(ctx, polymarketMarketId("1187402"));
    expect(history.map((point) => point.thisOdds)).toEqual([0.62, 0.63]);
  });

  it("maps Yes to this whatever the order", async () => {
    expect(await market("1203319")).toMatchObject({ thisOption: "Yes", thisOdds: 0.34 });
  });

  it("changes nothing on a second run", async () => {
    const second = await syncMarkets(ctx, createGammaClient({ baseUrl }), { pageSize: 25 });

    expect(second).toMatchObject({ fetched: 35, upserted: 0, resolved: 0, skipped: 1 });
    expect(second.unchanged).toBe(34);
    expect((await market("1187402"))?.thisOdds).toBe(0.63);
  });
});
