import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CoreContext } from "../../context";
import { findMarket } from "../../markets/market";
import { oddsHistory } from "../../markets/save";
import { createTestContext } from "../../test-support";
import {
  type LoopbackServer,
  sendJson,
  startLoopbackServer,
} from "../../test-support/loopback-server";
import yesHistory from "../fixtures/clob-prices-history-1187402-yes.json";
import emptyHistory from "../fixtures/clob-prices-history-empty.json";
import page1 from "../fixtures/gamma-markets-page1.json";
import { type GammaClient, paginate } from "../gamma-client";
import { polymarketMarketId, syncMarkets } from "../sync";
import { createClobClient } from "./clob-client";

/** The fixture history ends 2026-10-28 08:00; the market ends at 18:00 that day. */
const now = Date.parse("2026-10-28T12:00:00.000Z");
const recorded = page1[0] as Record<string, unknown>;

let ctx: CoreContext;
let clockAt = now;
let clob: LoopbackServer;

/** Page 1's first market under another id and token, so each test has its own market. */
function marketWithToken(id: string, token: string, price = "0.62") {
  return {
    ...recorded,
    id,
    outcomePrices: JSON.stringify([price, String(Math.round((1 - Number(price)) * 100) / 100)]),
    clobTokenIds: JSON.stringify([token, `${token}-no`]),
  };
}

/** Gamma as one page of these items (the HTTP side of Gamma has its own tests). */
function gammaOf(...items: unknown[]): GammaClient {
  const listMarkets = async () => structuredClone(items);
  return { listMarkets, pages: (options) => paginate(listMarkets, options) };
}

const clobClient = () =>
  createClobClient({ baseUrl: clob.url, timeoutMs: 200, maxRetries: 1, sleep: async () => {} });

beforeAll(async () => {
  ctx = { ...(await createTestContext()), clock: () => new Date(clockAt) };
  clob = await startLoopbackServer();
  clob.answer((request, response) => {
    const token = new URL(request.path, clob.url).searchParams.get("market") ?? "";
    if (token.startsWith("recorded")) sendJson(response, 200, yesHistory);
    else if (token.startsWith("empty")) sendJson(response, 200, emptyHistory);
    else if (token.startsWith("failing")) response.writeHead(502).end();
    // "slow": never answers.
  });
});

afterAll(async () => {
  await clob.close();
});

const snapshotsOf = (externalId: string) => oddsHistory(ctx, polymarketMarketId(externalId), 1_000);

describe("backfilling a mirrored market's odds history from the CLOB", () => {
  it("copies the recorded history on the market's first sync, then not again", async () => {
    const gamma = gammaOf(marketWithToken("880001", "recorded-1"));

    const first = await syncMarkets(ctx, gamma, { history: clobClient() });
    clockAt = now + 30_000;
    const second = await syncMarkets(
      ctx,
      gammaOf(marketWithToken("880001", "recorded-1", "0.65")),
      {
        history: clobClient(),
      },
    );

    expect(first).toMatchObject({ upserted: 1, historyBackfilled: 1, historyFailed: 0 });
    expect(second).toMatchObject({ upserted: 1, historyBackfilled: 0 });
    const points = await snapshotsOf("880001");
    // 181 recorded points, then the sync's own snapshots: the first sync and the move to 0.65.
    expect(points).toHaveLength(183);
    expect(points[0]).toMatchObject({
      takenAt: "2026-07-30T08:00:00.000Z",
      thisOdds: 0.447,
      thatOdds: 0.553,
    });
    expect(points.slice(-2).map((point) => point.thisOdds)).toEqual([0.62, 0.65]);
    const market = await findMarket(ctx, polymarketMarketId("880001"));
    expect(market).toMatchObject({
      clobTokenId: "recorded-1",
      historyBackfilledAt: new Date(now).toISOString(),
      oddsUpdatedAt: new Date(now + 30_000).toISOString(),
    });
    clockAt = now;
    expect(clob.requests.filter((r) => r.path.includes("recorded-1"))).toHaveLength(1);
  });

  it("marks a market with no trades yet as backfilled, with only the sync's snapshot", async () => {
    const report = await syncMarkets(ctx, gammaOf(marketWithToken("880002", "empty-2")), {
      history: clobClient(),
    });

    expect(report).toMatchObject({ historyBackfilled: 1 });
    expect((await snapshotsOf("880002")).map((point) => point.thisOdds)).toEqual([0.62]);
  });

  it.each([
    ["failing (502)", "880003", "failing-3"],
    ["slow (no answer)", "880004", "slow-4"],
  ])(
    "goes on when the CLOB is %s: the market keeps what it had, and a later sync retries",
    async (_label, id, token) => {
      const errors: string[] = [];
      const gamma = gammaOf(
        marketWithToken(id, token),
        marketWithToken(`${id}9`, `recorded-${id}`),
      );

      const report = await syncMarkets(ctx, gamma, {
        history: clobClient(),
        onError: (_error, externalId) => errors.push(externalId),
      });

      expect(report).toMatchObject({
        upserted: 2,
        failed: 0,
        historyFailed: 1,
        historyBackfilled: 1,
      });
      expect(errors).toEqual([id]);
      const market = await findMarket(ctx, polymarketMarketId(id));
      expect(market).toMatchObject({ thisOdds: 0.62, status: "open" });
      expect(market?.historyBackfilledAt).toBeUndefined();
      expect((await snapshotsOf(id)).map((point) => point.thisOdds)).toEqual([0.62]);

      const again = await syncMarkets(ctx, gammaOf(marketWithToken(id, token)), {
        history: clobClient(),
      });
      expect(again).toMatchObject({ unchanged: 1, historyFailed: 1 });
    },
  );

  it("copies at most maxBackfills histories in one run; the rest wait for the next", async () => {
    const gamma = gammaOf(
      marketWithToken("880011", "recorded-11"),
      marketWithToken("880012", "recorded-12"),
    );

    const first = await syncMarkets(ctx, gamma, { history: clobClient(), maxBackfills: 1 });
    const second = await syncMarkets(ctx, gamma, { history: clobClient(), maxBackfills: 1 });

    expect(first).toMatchObject({ historyBackfilled: 1 });
    expect(second).toMatchObject({ historyBackfilled: 1, unchanged: 2 });
    expect(await snapshotsOf("880012")).toHaveLength(182);
  });
});

describe("a market mirrored before price histories were copied", () => {
  it("learns its token on the next sync, though nothing else changed, and gets its history", async () => {
    const withoutToken = { ...marketWithToken("880021", "recorded-21"), clobTokenIds: undefined };
    await syncMarkets(ctx, gammaOf(withoutToken), { history: clobClient() });

    const report = await syncMarkets(ctx, gammaOf(marketWithToken("880021", "recorded-21")), {
      history: clobClient(),
    });

    expect(report).toMatchObject({ upserted: 1, historyBackfilled: 1 });
    expect(await snapshotsOf("880021")).toHaveLength(182);
  });
});
