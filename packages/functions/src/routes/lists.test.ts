import type { MarketItem } from "@market/core/entities";
import { beforeAll, describe, expect, it } from "vitest";
import { markUserLedgerSeeded } from "../../../../scripts/test/reconcile-tables";
import { createTestApp, jsonRequest } from "../test-support/app";
import { seedCatalogue, seedHistory } from "../test-support/core";
import {
  bearer,
  createMarketAsAdmin,
  registerAdmin,
  registerUser,
  type SignedInUser,
  uniqueName,
} from "../test-support/users";

/** The list contract of every list endpoint: limit, offset, total, signed cursors. */

let setup: Awaited<ReturnType<typeof createTestApp>>;
let admin: SignedInUser;
let alice: SignedInUser;
let bob: SignedInUser;
let catalogue: MarketItem[];
let now = new Date();

beforeAll(async () => {
  const adminName = uniqueName("admin");
  setup = await createTestApp({
    env: { ADMIN_EMAILS: `${adminName}@example.com` },
    clock: () => now,
  });
  [admin, alice, bob] = await Promise.all([
    registerAdmin(setup.app, setup.outbox, { username: adminName }),
    registerUser(setup.app),
    registerUser(setup.app),
  ]);
  catalogue = await seedCatalogue(setup.core, 45);
  // Bob's history: 45 bets (9 won), 45 more ledger entries (22 refunds), 30 sessions.
  await seedHistory(setup.core, bob.user.id, catalogue[0] as MarketItem, {
    bets: 45,
    entries: 45,
    sessions: 30,
  });
  await markUserLedgerSeeded(
    setup.db,
    bob.user.id,
    "a read fixture: bets and entries written straight to the table, not through the ledger",
  );
});

/** What a list (or its 400) answers; each test reads the fields its endpoint has. */
interface Page {
  total: number;
  limit: number;
  offset: number;
  nextCursor: string | null;
  markets: { id: string }[];
  bets: { id: string }[];
  transactions: { id: string }[];
  sessions: { sessionId: string }[];
  code?: string;
  details: { fields: Record<string, string> };
}

async function get(path: string, session?: SignedInUser) {
  const response = await setup.app.request(
    `/api/v1${path}`,
    session ? { headers: bearer(session.accessToken) } : {},
  );
  return { status: response.status, body: (await response.json()) as Page };
}

const ids = (items: { id: string }[]) => items.map((item) => item.id);
const count = (predicate: (market: MarketItem) => boolean) => catalogue.filter(predicate).length;

describe("GET /markets", () => {
  it.each([
    ["", () => catalogue.length],
    ["&sort=liquidity", () => catalogue.length],
    ["&sort=expires_soon", () => catalogue.length],
    ["&category=crypto", () => count((market) => market.categoryKey === "crypto")],
    ["&type=credits", () => count((market) => market.marketType === "credits")],
    [
      "&category=crypto&type=polymarket&sort=liquidity",
      () =>
        count((market) => market.categoryKey === "crypto" && market.marketType === "polymarket"),
    ],
  ])(
    "answers ?limit=3&offset=3%s with the second page and the filter's total",
    async (filter, total) => {
      const all = await get(`/markets?limit=100${filter}`);
      const second = await get(`/markets?limit=3&offset=3${filter}`);

      expect(second.status).toBe(200);
      expect(all.body.total).toBe(total());
      expect(ids(all.body.markets)).toHaveLength(total());
      expect(second.body).toMatchObject({ total: total(), limit: 3, offset: 3 });
      expect(ids(second.body.markets)).toEqual(ids(all.body.markets).slice(3, 6));
    },
  );

  it("answers ?limit=20&offset=20 with the second page and total", async () => {
    const all = await get("/markets?limit=100");
    const second = await get("/markets?limit=20&offset=20");

    expect(second.body).toMatchObject({ total: 45, limit: 20, offset: 20 });
    expect(ids(second.body.markets)).toEqual(ids(all.body.markets).slice(20, 40));
  });

  it("pages by cursor to the same pages as by offset, and hands out no cursor at the end", async () => {
    const first = await get("/markets?limit=20");
    const next = await get(
      `/markets?limit=20&cursor=${encodeURIComponent(first.body.nextCursor ?? "")}`,
    );
    const byOffset = await get("/markets?limit=20&offset=20");
    const whole = await get("/markets?limit=9&category=politics");

    expect(next.body).toMatchObject({ offset: 20, total: 45 });
    expect(ids(next.body.markets)).toEqual(ids(byOffset.body.markets));
    expect(whole.body).toMatchObject({ total: 9, nextCursor: null });
    expect(ids(whole.body.markets)).toHaveLength(9);
  });

  it("searches page by page, with offset or cursor", async () => {
    const all = await get("/markets?q=bitcoin&limit=100");
    const second = await get("/markets?q=bitcoin&limit=2&offset=2");
    const first = await get("/markets?q=bitcoin&limit=2");
    const next = await get(
      `/markets?q=bitcoin&limit=2&cursor=${encodeURIComponent(first.body.nextCursor ?? "")}`,
    );

    const bitcoin = count((market) => market.title.startsWith("Bitcoin"));
    expect(all.body).toMatchObject({ total: bitcoin, nextCursor: null });
    expect(ids(second.body.markets)).toEqual(ids(all.body.markets).slice(2, 4));
    expect(ids(next.body.markets)).toEqual(ids(second.body.markets));
    expect(second.body.total).toBeGreaterThanOrEqual(4);
  });

  it("refuses a search of more words than SEARCH_MAX_WORDS with 400 naming q", async () => {
    const { status, body } = await get("/markets?q=one+two+three+four+five+six+seven");

    expect(status).toBe(400);
    expect(body.details.fields).toHaveProperty("q");
  });
});

describe("a market past its end date", () => {
  it("reads closed, refuses bets with MARKET_CLOSED and lists under closed before any poll", async () => {
    const created = await createMarketAsAdmin(setup.app, admin, {
      title: "Will the list test market close on time?",
      category: "Deadline",
      expiresAt: new Date(now.getTime() + 60_000).toISOString(),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const bet = (session: SignedInUser) =>
      setup.app.request(
        "/api/v1/bets",
        jsonRequest(
          "POST",
          { marketId: id, amount: 10, side: "this" },
          bearer(session.accessToken),
        ),
      );
    expect((await bet(alice)).status).toBe(201);
    const openBefore = (await get("/markets?category=deadline")).body.total;

    now = new Date(now.getTime() + 120_000);
    const detail = await get(`/markets/${id}`);
    const refused = await bet(alice);
    const closed = await get("/markets?status=closed&category=deadline");
    const open = await get("/markets?category=deadline");
    const mine = await get("/bets/me", alice);

    expect(detail.body).toMatchObject({ status: "closed", bettable: false });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: "MARKET_CLOSED" });
    expect(openBefore).toBe(1);
    expect(closed.body).toMatchObject({ total: 1, markets: [{ id, status: "closed" }] });
    expect(open.body).toMatchObject({ total: 0, markets: [] });
    expect(mine.body).toMatchObject({ total: 1, bets: [{ marketId: id, status: "pending" }] });
    // The list closed it: the poll finds nothing left to close.
    const poll = await setup.app.request("/api/v1/admin/jobs/resolution-poll", {
      method: "POST",
      headers: bearer(admin.accessToken),
    });
    expect(await poll.json()).toMatchObject({ closed: 0 });
  });
});

describe("GET /bets/me", () => {
  it.each([
    ["", 45],
    ["&status=won", 9],
    ["&status=pending", 18],
  ])(
    "answers ?limit=5&offset=5%s with the second page and the filter's total",
    async (filter, total) => {
      const all = await get(`/bets/me?limit=100${filter}`, bob);
      const second = await get(`/bets/me?limit=5&offset=5${filter}`, bob);

      expect(all.body.total).toBe(total);
      expect(ids(all.body.bets)).toHaveLength(total);
      expect(second.body).toMatchObject({ total, limit: 5, offset: 5 });
      expect(ids(second.body.bets)).toEqual(ids(all.body.bets).slice(5, 10));
    },
  );

  it("answers ?limit=20&offset=20 with the second page and total", async () => {
    const all = await get("/bets/me?limit=100", bob);
    const second = await get("/bets/me?limit=20&offset=20", bob);

    expect(second.body).toMatchObject({ total: 45, limit: 20, offset: 20 });
    expect(ids(second.body.bets)).toEqual(ids(all.body.bets).slice(20, 40));
  });
});

describe("GET /transactions/me", () => {
  it("answers ?limit=20&offset=20 with the second page, a total per type, and reasons", async () => {
    const all = await get("/transactions/me?limit=200", bob);
    const second = await get("/transactions/me?limit=20&offset=20", bob);
    const refunds = await get("/transactions/me?type=bet_refund&limit=20&offset=20", bob);
    const allRefunds = await get("/transactions/me?type=bet_refund&limit=200", bob);

    expect(all.body.total).toBe(46);
    expect(second.body).toMatchObject({ total: 46, limit: 20, offset: 20 });
    expect(ids(second.body.transactions)).toEqual(ids(all.body.transactions).slice(20, 40));
    expect(allRefunds.body.total).toBe(22);
    expect(refunds.body).toMatchObject({ total: 22, offset: 20 });
    expect(ids(refunds.body.transactions)).toEqual(ids(allRefunds.body.transactions).slice(20));
    expect(second.body.transactions[0]).toHaveProperty("reason");
  });

  it("answers type=purchase with an empty list and a total of 0", async () => {
    const { status, body } = await get("/transactions/me?type=purchase", bob);

    expect(status).toBe(200);
    expect(body).toMatchObject({ transactions: [], total: 0, nextCursor: null });
  });
});

describe("GET /predictions/sessions", () => {
  it("pages by offset and by cursor", async () => {
    const first = await get("/predictions/sessions?limit=20", bob);
    const byOffset = await get("/predictions/sessions?limit=20&offset=20", bob);
    const byCursor = await get(
      `/predictions/sessions?limit=20&cursor=${encodeURIComponent(first.body.nextCursor ?? "")}`,
      bob,
    );
    const ofMarket = await get(
      `/predictions/sessions?limit=50&marketId=${(catalogue[0] as MarketItem).marketId}`,
      bob,
    );

    const sessionIds = (page: Page) => page.sessions.map((session) => session.sessionId);
    expect(sessionIds(first.body)).toHaveLength(20);
    expect(sessionIds(byOffset.body)).toHaveLength(10);
    expect(sessionIds(byCursor.body)).toEqual(sessionIds(byOffset.body));
    expect(byCursor.body).toMatchObject({ offset: 20, nextCursor: null });
    expect(sessionIds(ofMarket.body)).toHaveLength(30);
  });
});

describe("cursors", () => {
  const lists: [string, () => SignedInUser | undefined][] = [
    ["/markets", () => undefined],
    ["/bets/me", () => bob],
    ["/transactions/me", () => bob],
    ["/predictions/sessions", () => bob],
    ["/rewards/history", () => bob],
    ["/notifications", () => bob],
    ["/leaderboard/pnl", () => undefined],
  ];
  const namesCursor = (body: Page) =>
    Object.keys(body.details?.fields ?? {}).some((field) => field.endsWith("cursor"));

  it.each(lists)(
    "%s answers a forged cursor (e30, base64 of {}) with 400 naming cursor",
    async (path, who) => {
      const { status, body } = await get(`${path}?cursor=e30`, who());

      expect(status).toBe(400);
      expect(body.code).toBe("VALIDATION_ERROR");
      expect(namesCursor(body)).toBe(true);
    },
  );

  it.each(lists)("%s answers a cursor of another list with 400", async (path, who) => {
    const markets = await get("/markets?limit=1");
    const { status, body } = await get(
      `${path}?${path === "/markets" ? "sort=liquidity&" : ""}cursor=${encodeURIComponent(markets.body.nextCursor ?? "")}`,
      who(),
    );

    expect(status).toBe(400);
    expect(namesCursor(body)).toBe(true);
  });

  it.each(lists)(
    "%s answers offset beyond 10,000, and offset with cursor, with 400",
    async (path, who) => {
      expect((await get(`${path}?offset=10001`, who())).status).toBe(400);
      const both = await get(`${path}?offset=0&cursor=e30`, who());
      expect(both.status).toBe(400);
      expect(namesCursor(both.body)).toBe(true);
    },
  );

  it.each(["/bets/me", "/transactions/me", "/predictions/sessions"])(
    "%s refuses another user's cursor, and a tampered one",
    async (path) => {
      const bobs = await get(`${path}?limit=1`, bob);
      const cursor = bobs.body.nextCursor ?? "";
      const [state, signature] = cursor.split(".") as [string, string];
      const tampered = `${state}.${signature.startsWith("A") ? "B" : "A"}${signature.slice(1)}`;

      expect(cursor).not.toBe("");
      expect((await get(`${path}?limit=1&cursor=${encodeURIComponent(cursor)}`, bob)).status).toBe(
        200,
      );
      const foreign = await get(`${path}?limit=1&cursor=${encodeURIComponent(cursor)}`, alice);
      expect(foreign.status).toBe(400);
      expect(namesCursor(foreign.body)).toBe(true);
      expect(
        (await get(`${path}?limit=1&cursor=${encodeURIComponent(tampered)}`, bob)).status,
      ).toBe(400);
    },
  );
});

describe("PATCH /users/me", () => {
  it("answers {} with 200 and changes nothing", async () => {
    const response = await setup.app.request(
      "/api/v1/users/me",
      jsonRequest("PATCH", {}, bearer(alice.accessToken)),
    );

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      user: { id: alice.user.id, username: alice.user.username },
    });
  });
});
