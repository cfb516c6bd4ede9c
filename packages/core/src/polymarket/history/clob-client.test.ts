import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  type LoopbackServer,
  sendJson,
  startLoopbackServer,
} from "../../test-support/loopback-server";
import { PolymarketBadResponse, PolymarketUnavailable } from "../errors";
import yesHistory from "../fixtures/clob-prices-history-1187402-yes.json";
import emptyHistory from "../fixtures/clob-prices-history-empty.json";
import { createClobClient } from "./clob-client";

const yesToken = "10616181767037072638707931555920740298025904747924028325518466712981833321625";

let server: LoopbackServer;

beforeAll(async () => {
  server = await startLoopbackServer();
});

afterEach(() => {
  server.requests.length = 0;
});

afterAll(async () => {
  await server.close();
});

/** A client whose waits only record themselves, so retries cost no real time. */
function client(options: { timeoutMs?: number; maxRetries?: number } = {}) {
  const sleeps: number[] = [];
  const clob = createClobClient({
    baseUrl: `${server.url}/`,
    timeoutMs: options.timeoutMs ?? 1_000,
    maxRetries: options.maxRetries ?? 2,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0,
  });
  return { clob, sleeps };
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error,
  );
}

describe("createClobClient().pricesHistory", () => {
  it("reads a recorded history by token id, oldest first, as ISO times and prices", async () => {
    server.answer((_request, response) => sendJson(response, 200, yesHistory));

    const points = await client().clob.pricesHistory({
      tokenId: yesToken,
      interval: "max",
      fidelity: 720,
    });

    expect(points).toHaveLength(181);
    expect(points[0]).toEqual({ at: "2026-07-30T08:00:00.000Z", price: 0.447 });
    expect(points.at(-1)).toEqual({ at: "2026-10-28T08:00:00.000Z", price: 0.653 });
    expect(server.requests.map((request) => request.path)).toEqual([
      `/prices-history?market=${yesToken}&interval=max&fidelity=720`,
    ]);
  });

  it("asks by start and end time instead of an interval", async () => {
    server.answer((_request, response) => sendJson(response, 200, emptyHistory));

    const points = await client().clob.pricesHistory({
      tokenId: "42",
      startTs: 1_785_398_400,
      endTs: 1_785_484_800,
      fidelity: 60,
    });

    expect(points).toEqual([]);
    expect(server.requests[0]?.path).toBe(
      "/prices-history?market=42&startTs=1785398400&endTs=1785484800&fidelity=60",
    );
  });

  it("retries a 500 and a 429 with backoff, then reads the history", async () => {
    let seen = 0;
    server.answer((_request, response) => {
      seen += 1;
      if (seen === 1) response.writeHead(500).end();
      else if (seen === 2) response.writeHead(429, { "retry-after": "1" }).end();
      else sendJson(response, 200, yesHistory);
    });
    const { clob, sleeps } = client();

    const points = await clob.pricesHistory({ tokenId: yesToken, interval: "max" });

    expect(points).toHaveLength(181);
    expect(sleeps).toEqual([250, 1_000]);
  });

  it("reports Polymarket unavailable once retries on 503 are spent", async () => {
    server.answer((_request, response) => response.writeHead(503).end());

    const error = await rejectionOf(client().clob.pricesHistory({ tokenId: "1", interval: "1w" }));

    expect(error).toBeInstanceOf(PolymarketUnavailable);
    expect(error).toMatchObject({ details: { attempts: 3, status: 503 } });
  });

  it("times out a slow answer on every attempt", async () => {
    server.answer(() => {
      // Never answers.
    });
    const started = performance.now();

    const error = await rejectionOf(
      client({ timeoutMs: 250, maxRetries: 1 }).clob.pricesHistory({
        tokenId: "1",
        interval: "1d",
      }),
    );

    expect(error).toBeInstanceOf(PolymarketUnavailable);
    expect((error as Error).message).toContain("timed out");
    expect(server.requests).toHaveLength(2);
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it.each([
    ["not JSON", "<html>oops</html>"],
    ["no history key", JSON.stringify({ points: [] })],
    ["a price above 1", JSON.stringify({ history: [{ t: 1_785_398_400, p: 1.5 }] })],
    ["a time that is text", JSON.stringify({ history: [{ t: "yesterday", p: 0.5 }] })],
  ])("refuses a malformed answer (%s) without retrying", async (_label, body) => {
    server.answer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" }).end(body);
    });

    const error = await rejectionOf(client().clob.pricesHistory({ tokenId: "1", interval: "max" }));

    expect(error).toBeInstanceOf(PolymarketBadResponse);
    expect(server.requests).toHaveLength(1);
  });
});
