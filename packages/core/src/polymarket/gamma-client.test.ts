import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { PolymarketBadResponse, PolymarketUnavailable } from "./errors";
import page1 from "./fixtures/gamma-markets-page1.json";
import page2 from "./fixtures/gamma-markets-page2.json";
import { createGammaClient, type GammaClientOptions } from "./gamma-client";

type Handler = (request: IncomingMessage, response: ServerResponse, url: URL) => void;

/** Serves the fixture pages by offset, like Gamma with `limit=25`. */
const servePages: Handler = (_request, response, url) => {
  const offset = Number(url.searchParams.get("offset"));
  const body = offset === 0 ? page1 : offset === 25 ? page2 : [];
  response.writeHead(200, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
};

let server: Server;
let baseUrl: string;
let handler: Handler = servePages;
let requests: URL[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    requests.push(url);
    // No keep-alive: a reused socket the server already dropped would add a retry.
    response.setHeader("connection", "close");
    handler(request, response, url);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(() => {
  handler = servePages;
  requests = [];
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** A client on a fake clock: sleeping only moves the clock and records the wait. */
function clientWithFakeTime(options: Partial<GammaClientOptions> = {}) {
  let clock = Date.parse("2026-09-14T08:00:00Z");
  const sleeps: number[] = [];
  const client = createGammaClient({
    baseUrl,
    timeoutMs: 1_000,
    now: () => clock,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    ...options,
  });
  return { client, sleeps };
}

/** Answers the first `times` requests with `fail`, then serves pages. */
function failingFirst(times: number, fail: Handler): Handler {
  let seen = 0;
  return (request, response, url) => {
    seen += 1;
    if (seen <= times) fail(request, response, url);
    else servePages(request, response, url);
  };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error,
  );
}

describe("createGammaClient", () => {
  it("pages by offset and stops after the first short page", async () => {
    const { client } = clientWithFakeTime();

    const pages = await collect(client.pages({ pageSize: 25, closed: false }));

    expect(pages.map((page) => page.length)).toEqual([25, 10]);
    expect(requests.map((url) => url.pathname + url.search)).toEqual([
      "/markets?limit=25&offset=0&closed=false",
      "/markets?limit=25&offset=25&closed=false",
    ]);
  });

  it("stops when a full page is followed by an empty one", async () => {
    handler = (_request, response, url) => {
      const offset = Number(url.searchParams.get("offset"));
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify(offset === 0 ? page1 : []));
    };
    const { client } = clientWithFakeTime();

    const pages = await collect(client.pages({ pageSize: 25 }));

    expect(pages).toHaveLength(1);
    expect(requests).toHaveLength(2);
    expect(requests[0]?.searchParams.has("closed")).toBe(false);
  });

  it("never pages past the page cap, even if every page comes back full", async () => {
    handler = (_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify(page1));
    };
    const { client } = clientWithFakeTime();

    const pages = await collect(client.pages({ pageSize: 25, maxPages: 3 }));

    expect(pages).toHaveLength(3);
    expect(requests.map((url) => url.searchParams.get("offset"))).toEqual(["0", "25", "50"]);
  });

  it("waits as long as a 429 Retry-After says, then succeeds", async () => {
    handler = failingFirst(1, (_request, response) => {
      response.writeHead(429, { "retry-after": "2" });
      response.end("slow down");
    });
    const { client, sleeps } = clientWithFakeTime();

    const items = await client.listMarkets({ limit: 25, offset: 0 });

    expect(items).toHaveLength(25);
    expect(sleeps).toEqual([2_000]);
    expect(requests).toHaveLength(2);
  });

  it("gives up at once when Retry-After asks for longer than it will wait", async () => {
    handler = (_request, response) => {
      response.writeHead(429, { "retry-after": "3600" });
      response.end();
    };
    const { client, sleeps } = clientWithFakeTime();

    const error = await rejectionOf(client.listMarkets({ limit: 25, offset: 0 }));

    expect(error).toBeInstanceOf(PolymarketUnavailable);
    expect(error).toMatchObject({ details: { status: 429, retryAfterMs: 3_600_000, attempts: 1 } });
    expect(sleeps).toEqual([]);
  });

  it("retries two 500s with growing, jittered backoff, then succeeds", async () => {
    handler = failingFirst(2, (_request, response) => {
      response.writeHead(500);
      response.end("boom");
    });
    const { client, sleeps } = clientWithFakeTime();

    const items = await client.listMarkets({ limit: 25, offset: 25 });

    expect(items).toHaveLength(10);
    expect(requests).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
    const [first = 0, second = 0] = sleeps;
    expect(first).toBeGreaterThanOrEqual(250);
    expect(first).toBeLessThanOrEqual(500);
    expect(second).toBeGreaterThanOrEqual(500);
    expect(second).toBeLessThanOrEqual(1_000);
  });

  it("times out a hanging request, retries, and reports Polymarket unavailable", async () => {
    handler = () => {
      // Never answers.
    };
    const { client, sleeps } = clientWithFakeTime({ timeoutMs: 50, maxRetries: 2 });
    const started = performance.now();

    const error = await rejectionOf(client.listMarkets({ limit: 25, offset: 0 }));

    expect(error).toBeInstanceOf(PolymarketUnavailable);
    expect(error).toMatchObject({
      code: "POLYMARKET_UNAVAILABLE",
      details: { attempts: 3 },
      cause: { name: "TimeoutError" },
    });
    expect((error as Error).message).toContain("timed out");
    expect(requests).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("reports a status after retries on 503 are spent", async () => {
    handler = (_request, response) => {
      response.writeHead(503);
      response.end();
    };
    const { client } = clientWithFakeTime({ maxRetries: 1 });

    const error = await rejectionOf(client.listMarkets({ limit: 25, offset: 0 }));

    expect(error).toMatchObject({
      code: "POLYMARKET_UNAVAILABLE",
      details: { status: 503, attempts: 2 },
    });
  });

  it("retries network errors (nothing listening) and then reports unavailable", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { client, sleeps } = clientWithFakeTime({
      baseUrl: `http://127.0.0.1:${port}`,
      maxRetries: 1,
    });

    const error = await rejectionOf(client.listMarkets({ limit: 25, offset: 0 }));

    expect(error).toBeInstanceOf(PolymarketUnavailable);
    expect(error).toMatchObject({ details: { attempts: 2 }, cause: expect.any(Error) });
    expect(sleeps).toHaveLength(1);
  });

  it("does not retry a 404", async () => {
    handler = (_request, response) => {
      response.writeHead(404);
      response.end("not found");
    };
    const { client, sleeps } = clientWithFakeTime();

    const error = await rejectionOf(client.listMarkets({ limit: 25, offset: 0 }));

    expect(error).toMatchObject({
      code: "POLYMARKET_UNAVAILABLE",
      details: { status: 404, attempts: 1 },
    });
    expect(sleeps).toEqual([]);
  });

  it.each([
    ["invalid JSON", "[{"],
    ["a JSON object", '{"error":"maintenance"}'],
  ])("rejects %s as a bad response without retrying", async (_story, body) => {
    handler = (_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(body);
    };
    const { client } = clientWithFakeTime();

    const error = await rejectionOf(client.listMarkets({ limit: 25, offset: 0 }));

    expect(error).toBeInstanceOf(PolymarketBadResponse);
    expect(error).toMatchObject({ code: "POLYMARKET_BAD_RESPONSE" });
    expect(requests).toHaveLength(1);
  });

  it("holds requests beyond the budget until the window has room", async () => {
    const { client, sleeps } = clientWithFakeTime({ requestsPer10s: 3 });

    for (let i = 0; i < 5; i++) await client.listMarkets({ limit: 25, offset: 25 });

    // Three start at once; the fourth waits the whole window; the fifth then fits.
    expect(sleeps).toEqual([10_000]);
    expect(requests).toHaveLength(5);
  });

  it("counts the budget over a sliding window, for concurrent callers too", async () => {
    let clock = 0;
    const sleeps: number[] = [];
    const client = createGammaClient({
      baseUrl,
      requestsPer10s: 2,
      now: () => clock,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock += ms;
      },
    });

    await client.listMarkets({ limit: 25, offset: 25 });
    clock += 4_000;
    await Promise.all([
      client.listMarkets({ limit: 25, offset: 25 }),
      client.listMarkets({ limit: 25, offset: 25 }),
    ]);

    // Slots at t=0 and t=4000 are taken; the third waits until t=0 leaves the window.
    expect(sleeps).toEqual([6_000]);
    expect(requests).toHaveLength(3);
  });
});
