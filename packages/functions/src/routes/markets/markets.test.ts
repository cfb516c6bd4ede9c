import { getBalance, reconcile } from "@market/core/ledger";
import { type MarketView, saveMarket } from "@market/core/markets";
import { serviceFor } from "@market/core/service";
import { beforeAll, describe, expect, it } from "vitest";
import { type createTestApp, jsonRequest } from "../../test-support/app";
import {
  bearer,
  createMarketAsAdmin,
  registerUser,
  type SignedInUser,
  withAdminAndUser,
} from "../../test-support/users";

let setup: Awaited<ReturnType<typeof createTestApp>>;
let admin: SignedInUser;
let user: SignedInUser;

interface MarketBody {
  id: string;
  title: string;
  status: string;
  category: string | null;
  bettable: boolean;
  liquidity: number;
  volume24h: number;
  expiresAt: string | null;
  marketType: string;
  thisOption: string;
  thatOption: string;
  resolution: string | null;
  winningOption: string | null;
}
interface MarketList {
  markets: MarketBody[];
  nextCursor: string | null;
}

beforeAll(async () => {
  ({ setup, admin, user } = await withAdminAndUser());
  const sync = await setup.app.request("/api/v1/admin/jobs/market-sync", {
    method: "POST",
    headers: bearer(admin.accessToken),
  });
  expect(sync.status).toBe(200);
});

const get = async (path: string) => {
  const response = await setup.app.request(`/api/v1${path}`);
  return { status: response.status, body: (await response.json()) as MarketList };
};

describe("GET /markets", () => {
  it("lists open markets, most traded first, by default", async () => {
    const { status, body } = await get("/markets?limit=100");

    expect(status).toBe(200);
    expect(body.markets.length).toBeGreaterThan(10);
    expect(body.markets.every((market) => market.status === "open")).toBe(true);
    const volumes = body.markets.map((market) => market.volume24h);
    expect(volumes).toEqual([...volumes].sort((a, b) => b - a));
  });

  it("sorts by liquidity and by expiry", async () => {
    const liquid = (await get("/markets?sort=liquidity&limit=100")).body.markets;
    const soon = (await get("/markets?sort=expires_soon&limit=100")).body.markets;

    const liquidity = liquid.map((market) => market.liquidity);
    expect(liquidity).toEqual([...liquidity].sort((a, b) => b - a));
    const expiries = soon.map((market) => market.expiresAt ?? "9999");
    expect(expiries).toEqual([...expiries].sort());
  });

  it("pages with a cursor without repeating a market", async () => {
    const first = (await get("/markets?limit=5")).body;
    const second = (
      await get(`/markets?limit=5&cursor=${encodeURIComponent(first.nextCursor ?? "")}`)
    ).body;

    expect(first.markets).toHaveLength(5);
    const ids = new Set([...first.markets, ...second.markets].map((market) => market.id));
    expect(ids.size).toBe(first.markets.length + second.markets.length);
  });

  it("filters by category, case-insensitively, and by status", async () => {
    const all = (await get("/markets?limit=100")).body.markets;
    const category = all.find((market) => market.category)?.category ?? "";

    const filtered = (await get(`/markets?category=${encodeURIComponent(category.toUpperCase())}`))
      .body.markets;
    const resolved = (await get("/markets?status=resolved&limit=100")).body.markets;

    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((market) => market.category === category)).toBe(true);
    expect(resolved.length).toBeGreaterThan(0);
    expect(resolved.every((market) => market.status === "resolved")).toBe(true);
  });

  it("names the winner of each resolved market in the list, and none before", async () => {
    const resolved = (await get("/markets?status=resolved&limit=100")).body.markets;
    const open = (await get("/markets?limit=100")).body.markets;

    expect(resolved.length).toBeGreaterThan(0);
    for (const market of resolved) {
      const winner = { this: market.thisOption, that: market.thatOption }[
        market.resolution as "this" | "that"
      ];
      expect(market.winningOption).toBe(winner ?? null);
    }
    expect(resolved.some((market) => market.winningOption !== null)).toBe(true);
    expect(open.every((market) => market.winningOption === null)).toBe(true);
  });

  it("finds markets by words of their title", async () => {
    const all = (await get("/markets?limit=100")).body.markets;
    const target = all[3] as MarketBody;
    const word = target.title.split(/\s+/).find((w) => w.length > 5) ?? target.title;

    const found = (await get(`/markets?q=${encodeURIComponent(word.toLowerCase())}`)).body.markets;
    const none = (await get("/markets?q=zzzqqqxxx")).body.markets;

    expect(found.map((market) => market.id)).toContain(target.id);
    expect(none).toEqual([]);
  });

  it("finds markets by a word's beginning and by a common ticker: btc finds Bitcoin", async () => {
    const all = (await get("/markets?limit=100")).body.markets;
    const bitcoin = all
      .filter((market) => /\bbitcoin\b/i.test(market.title))
      .map((market) => market.id)
      .sort();
    expect(bitcoin.length).toBeGreaterThan(0);

    for (const q of ["btc", "BTC", "bitc", "Bitcoin"]) {
      const found = (await get(`/markets?q=${q}&limit=100`)).body.markets;
      expect(found.map((market) => market.id).sort()).toEqual(bitcoin);
    }
  });

  it.each([
    "?limit=101",
    "?sort=newest",
    "?status=gone",
    "?type=other",
    "?cursor=bogus",
    "?page=2",
  ])("answers %s with 400", async (query) => {
    expect((await get(`/markets${query}`)).status).toBe(400);
  });

  it("answers an unknown market with 404 MARKET_NOT_FOUND", async () => {
    const response = await setup.app.request("/api/v1/markets/nope");

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: "MARKET_NOT_FOUND" });
  });
});

describe("admin markets", () => {
  const create = (token: string, body: unknown) =>
    setup.app.request("/api/v1/admin/markets", jsonRequest("POST", body, bearer(token)));
  const resolve = (token: string, marketId: string, resolution: string) =>
    setup.app.request(
      `/api/v1/admin/markets/${marketId}/resolve`,
      jsonRequest("POST", { resolution }, bearer(token)),
    );
  const newMarket = {
    title: "Will the office plant survive December?",
    description: "Resolves Yes if it still has green leaves on Jan 1.",
    thisOption: "Yes",
    thatOption: "No",
    thisOdds: 0.4,
    thatOdds: 0.6,
    category: "Office",
    expiresAt: "2099-01-01T00:00:00Z",
  };

  it("creates a credits market only for admins", async () => {
    const denied = await create(user.accessToken, newMarket);
    const created = await create(admin.accessToken, newMarket);

    expect(denied.status).toBe(403);
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      marketType: "credits",
      status: "open",
      bettable: true,
    });
  });

  it.each([
    ["odds of 1", { thisOdds: 1 }],
    ["a past expiry", { expiresAt: "2001-01-01T00:00:00Z" }],
    ["an unknown field", { marketType: "polymarket" }],
    ["a missing title", { title: undefined }],
  ])("refuses %s with 400", async (_label, change) => {
    expect((await create(admin.accessToken, { ...newMarket, ...change })).status).toBe(400);
  });

  it("resolves once, settles every bet, and refuses a second resolution with 409", async () => {
    const market = (await (await create(admin.accessToken, newMarket)).json()) as MarketBody;
    const bettors = await Promise.all([registerUser(setup.app), registerUser(setup.app)]);
    const bet = (session: SignedInUser, side: string) =>
      setup.app.request(
        "/api/v1/bets",
        jsonRequest(
          "POST",
          { marketId: market.id, amount: 100, side },
          bearer(session.accessToken),
        ),
      );
    expect((await bet(bettors[0] as SignedInUser, "this")).status).toBe(201);
    expect((await bet(bettors[1] as SignedInUser, "that")).status).toBe(201);

    const first = await resolve(admin.accessToken, market.id, "this");
    await Promise.all(setup.settlements);
    const second = await resolve(admin.accessToken, market.id, "that");

    expect(first.status).toBe(200);
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ code: "MARKET_ALREADY_RESOLVED" });
    const [winner, loser] = await Promise.all(
      bettors.map((session) => getBalance(setup.core, session.user.id)),
    );
    expect(winner?.balance).toBe(1150);
    expect(loser?.balance).toBe(900);
    expect((await bet(bettors[0] as SignedInUser, "this")).status).toBe(409);
  });

  it("restarts a settlement on demand without paying anyone twice", async () => {
    const market = (await (await create(admin.accessToken, newMarket)).json()) as MarketBody;
    const bettor = await registerUser(setup.app);
    const settle = () =>
      setup.app.request(`/api/v1/admin/markets/${market.id}/settle`, {
        method: "POST",
        headers: bearer(admin.accessToken),
      });
    await setup.app.request(
      "/api/v1/bets",
      jsonRequest(
        "POST",
        { marketId: market.id, amount: 40, side: "this" },
        bearer(bettor.accessToken),
      ),
    );

    const early = await settle();
    await resolve(admin.accessToken, market.id, "this");
    await Promise.all(setup.settlements);
    const again = await settle();
    await Promise.all(setup.settlements);

    expect(early.status).toBe(409);
    expect(again.status).toBe(202);
    expect(await reconcile(setup.core, bettor.user.id)).toMatchObject({
      consistent: true,
      balance: 1060,
      entries: 3,
    });
  });

  it("shows how a market's odds moved, oldest first, and 404 for an unknown market", async () => {
    const created = (await (await create(admin.accessToken, newMarket)).json()) as MarketView;
    const {
      id,
      marketType: _type,
      status: _status,
      resolution: _r,
      winningOption: _winner,
      resolvedAt: _at,
      ...terms
    } = created;
    const moved = { ...terms, status: "open" as const, thisOdds: 0.55, thatOdds: 0.45 };
    await saveMarket(setup.core, id, "credits", moved);

    const history = await setup.app.request(`/api/v1/markets/${id}/odds-history`);
    const unknown = await setup.app.request("/api/v1/markets/nope/odds-history");

    expect(history.status).toBe(200);
    const { points } = (await history.json()) as { points: { thisOdds: number }[] };
    expect(points.map((point) => point.thisOdds)).toEqual([0.4, 0.55]);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: "MARKET_NOT_FOUND" });
  });

  it("refuses resolution by a user and of an unknown market", async () => {
    expect((await resolve(user.accessToken, "whatever", "this")).status).toBe(403);
    expect((await resolve(admin.accessToken, "nope", "this")).status).toBe(404);
  });
});

describe("GET /markets/{marketId}/odds-history?range=", () => {
  const hourMs = 60 * 60 * 1000;
  const dayMs = 24 * hourMs;
  let marketId: string;
  let now: number;

  /** An admin market (its creation is the newest snapshot) with 90 days of hourly ones before. */
  beforeAll(async () => {
    const created = await createMarketAsAdmin(setup.app, admin, {
      title: "Will the chart show ninety days of odds?",
      expiresAt: "2099-01-01T00:00:00Z",
    });
    marketId = ((await created.json()) as MarketBody).id;
    now = Date.now();
    const snapshots = Array.from({ length: 90 * 24 }, (_, i) => {
      const thisOdds = Math.round((0.3 + 0.4 * ((i % 48) / 48)) * 1000) / 1000;
      return {
        marketId,
        takenAt: new Date(now - (90 * 24 - i) * hourMs).toISOString(),
        thisOdds,
        thatOdds: Math.round((1 - thisOdds) * 1000) / 1000,
      };
    });
    await serviceFor(setup.db).entities.oddsSnapshot.put(snapshots).go();
  });

  const history = async (query: string) => {
    const response = await setup.app.request(`/api/v1/markets/${marketId}/odds-history${query}`);
    const body = (await response.json()) as {
      points: { at: string; thisOdds: number; thatOdds: number }[];
      details?: { fields?: Record<string, string> };
      code?: string;
    };
    return { status: response.status, body, times: body.points?.map((p) => Date.parse(p.at)) };
  };

  it.each([
    ["1d", dayMs],
    ["1w", 7 * dayMs],
    ["1m", 30 * dayMs],
  ])(
    "range=%s answers the span up to now, oldest first, in at most 300 points",
    async (range, span) => {
      const { status, times = [] } = await history(`?range=${range}`);

      expect(status).toBe(200);
      expect(times.length).toBeGreaterThan(20);
      expect(times.length).toBeLessThanOrEqual(300);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      // Starts at the range's start (the odds of then) and ends at the newest snapshot.
      expect(Math.abs((times[0] ?? 0) - (now - span))).toBeLessThan(60_000);
      expect(Math.abs((times.at(-1) ?? 0) - now)).toBeLessThan(60_000);
    },
  );

  it("range=all downsamples the whole history to 300 points, first and last kept", async () => {
    const { body, times = [] } = await history("?range=all");

    expect(times).toHaveLength(300);
    expect(Math.abs((times[0] ?? 0) - (now - 90 * dayMs))).toBeLessThan(60_000);
    expect(Math.abs((times.at(-1) ?? 0) - now)).toBeLessThan(60_000);
    // Evenly spread: no gap much wider than a 300th of the span.
    const gaps = times.slice(1).map((t, i) => t - (times[i] ?? 0));
    expect(Math.max(...gaps)).toBeLessThan((90 * dayMs) / 150);
    expect(body.points.every((p) => Math.abs(p.thisOdds + p.thatOdds - 1) < 1e-9)).toBe(true);
  });

  it("tells when the market's odds were last written (oddsUpdatedAt)", async () => {
    const response = await setup.app.request(`/api/v1/markets/${marketId}`);
    const body = (await response.json()) as { oddsUpdatedAt: string | null };

    expect(Math.abs(Date.parse(body.oddsUpdatedAt ?? "") - now)).toBeLessThan(60_000);
  });

  it("keeps answering the latest 500 snapshots without a range", async () => {
    const { times = [] } = await history("");

    expect(times).toHaveLength(500);
    expect(Math.abs((times.at(-1) ?? 0) - now)).toBeLessThan(60_000);
  });

  it.each(["?range=2d", "?range=", "?range=ALL"])(
    "answers %s with 400 naming range",
    async (query) => {
      const { status, body } = await history(query);

      expect(status).toBe(400);
      expect(body.code).toBe("VALIDATION_ERROR");
      expect(Object.keys(body.details?.fields ?? {})).toEqual(["query.range"]);
    },
  );
});

describe("a market that expires while it is listed", () => {
  /** Every market of a list, walked page by page by cursor, with the `total` of each page. */
  async function walk(query: string) {
    const ids: string[] = [];
    const totals = new Set<number>();
    let cursor: string | null = null;
    do {
      const response = await setup.app.request(
        `/api/v1/markets?${query}&limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      );
      const page = (await response.json()) as MarketList & { total: number };
      ids.push(...page.markets.map((market) => market.id));
      totals.add(page.total);
      cursor = page.nextCursor;
    } while (cursor);
    return { ids, totals: [...totals] };
  }

  it("lists under status=closed right after its end date, and each total is what the pages hold", async () => {
    const created = await createMarketAsAdmin(setup.app, admin, {
      title: "Will this market expire two seconds from now?",
      expiresAt: new Date(Date.now() + 2_000).toISOString(),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as MarketBody;
    expect((await walk("status=open")).ids).toContain(id);

    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const open = await walk("status=open");
    const closed = await walk("status=closed");
    const openByExpiry = await walk("status=open&sort=expires_soon");

    expect(open.ids).not.toContain(id);
    expect(closed.ids).toContain(id);
    expect(open.totals).toEqual([open.ids.length]);
    expect(closed.totals).toEqual([closed.ids.length]);
    expect(openByExpiry.totals).toEqual([open.ids.length]);
    expect(new Set(openByExpiry.ids)).toEqual(new Set(open.ids));
  });
});
