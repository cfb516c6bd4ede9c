import { settleMarketPage } from "@market/core/bets";
import { postLedgerEntry } from "@market/core/ledger";
import { resolveMarket, saveMarket } from "@market/core/markets";
import { beforeAll, describe, expect, it } from "vitest";
import { type DynamoMeter, meterDynamo } from "../../../../../scripts/bench/db-calls";
import { createTestApp, jsonRequest } from "../../test-support/app";
import { aMarket, anOpenMarket } from "../../test-support/core";
import { bearer, registerUser, type SignedInUser } from "../../test-support/users";

let setup: Awaited<ReturnType<typeof createTestApp>>;
let meter: DynamoMeter;

beforeAll(async () => {
  setup = await createTestApp();
  meter = meterDynamo(setup.db);
});

async function betOn(session: SignedInUser, marketId: string, amount: number, side: string) {
  const response = await setup.app.request(
    "/api/v1/bets",
    jsonRequest("POST", { marketId, side, amount }, bearer(session.accessToken)),
  );
  expect(response.status).toBe(201);
  return ((await response.json()) as { bet: { id: string } }).bet.id;
}

const myPortfolio = (session: SignedInUser) =>
  setup.app.request("/api/v1/users/me/portfolio", { headers: bearer(session.accessToken) });

/**
 * Alice, from her 1,000 signup credits: 100 on a market at 0.8 now at 0.6 (pays
 * 125, worth 75), then 50 on "that" at 0.5 (pays 100, worth 50), and 100 at 0.5
 * on a market that resolved her way (won 200: +100 realized).
 */
async function aliceWithTwoPositionsAndAWin() {
  const alice = await registerUser(setup.app);
  const falling = await anOpenMarket(setup.core, { thisOdds: 0.8 });
  const even = await anOpenMarket(setup.core, { thisOdds: 0.5 });
  const won = await anOpenMarket(setup.core, { thisOdds: 0.5 });
  const first = await betOn(alice, falling, 100, "this");
  const second = await betOn(alice, even, 50, "that");
  await betOn(alice, won, 100, "this");
  await saveMarket(setup.core, falling, "credits", aMarket({ thisOdds: 0.6 }));
  await resolveMarket(setup.core, won, "this");
  await settleMarketPage(setup.core, won);
  return { alice, first, second };
}

describe("GET /users/me/portfolio", () => {
  it("values each open position at today's odds and adds them up beside the balance and realized PnL", async () => {
    const { alice, first, second } = await aliceWithTwoPositionsAndAWin();

    const response = await myPortfolio(alice);

    expect(response.status).toBe(200);
    const body = (await response.json()) as { positions: { id: string }[] };
    expect(body).toEqual({
      balance: 950,
      total: 1075,
      range: "1w",
      // Signed up within the week: her signup, then now.
      history: [
        { at: expect.any(String), balance: 1000, positions: 0, total: 1000 },
        { at: expect.any(String), balance: 950, positions: 125, total: 1075 },
      ],
      totals: { invested: 150, currentValue: 125, unrealizedPnL: -25, realizedPnL: 100 },
      truncated: false,
      positions: [
        expect.objectContaining({
          id: second,
          side: "that",
          amount: 50,
          currentOdds: 0.5,
          currentValue: 50,
          unrealizedPnL: 0,
          status: "pending",
        }),
        expect.objectContaining({
          id: first,
          amount: 100,
          currentOdds: 0.6,
          currentValue: 75,
          unrealizedPnL: -25,
        }),
      ],
    });
  });

  it("reads the user, its pending bets and their markets' odds, and for the history its ledger, newest bets and each market's odds history", async () => {
    const alice = await registerUser(setup.app);
    for (let index = 0; index < 5; index++) {
      await betOn(alice, await anOpenMarket(setup.core, { thisOdds: 0.5 }), 10, "this");
    }

    meter.reset();
    const response = await myPortfolio(alice);

    expect(response.status).toBe(200);
    expect(((await response.json()) as { positions: unknown[] }).positions).toHaveLength(5);
    expect(meter.snapshot()).toEqual({
      GetItemCommand: 1,
      // Pending bets, one ledger page, the newest bets, and per market (5) the
      // week's snapshots and the one before it.
      QueryCommand: 1 + 1 + 1 + 5 * 2,
      BatchGetItemCommand: 1,
    });
  });

  it("is empty, with the balance as the total, for a user without open bets", async () => {
    const bob = await registerUser(setup.app);

    const body = await (await myPortfolio(bob)).json();

    expect(body).toEqual({
      balance: 1000,
      total: 1000,
      totals: { invested: 0, currentValue: 0, unrealizedPnL: 0, realizedPnL: 0 },
      truncated: false,
      positions: [],
      range: "1w",
      history: [
        { at: expect.any(String), balance: 1000, positions: 0, total: 1000 },
        { at: expect.any(String), balance: 1000, positions: 0, total: 1000 },
      ],
    });
  });

  it("answers 401 without a token", async () => {
    expect((await setup.app.request("/api/v1/users/me/portfolio")).status).toBe(401);
  });
});

describe("GET /users/me/portfolio?range=", () => {
  const hour = 60 * 60 * 1000;
  const day = 24 * hour;
  // Tokens outlive the jumps of the test clock.
  const env = { ACCESS_TOKEN_TTL_SECONDS: String(3 * 365 * 24 * 60 * 60) };
  let now = new Date("2026-06-01T00:00:00.000Z");
  let timed: Awaited<ReturnType<typeof createTestApp>>;

  beforeAll(async () => {
    timed = await createTestApp({ env, clock: () => now });
  });

  const at = (time: number) => new Date(time).toISOString();
  type Point = { at: string; balance: number; positions: number; total: number };
  const historyOf = async (session: SignedInUser, range?: string) => {
    const query = range === undefined ? "" : `?range=${range}`;
    const response = await timed.app.request(`/api/v1/users/me/portfolio${query}`, {
      headers: bearer(session.accessToken),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { range: string; history: Point[]; total: number };
  };

  /**
   * Dan signs up (1,000), gets a 500 grant a day later, bets 100 at 0.5 (pays
   * 200) half a day after, sees "this" rise to 0.8 (worth 160) and fall to 0.3
   * (worth 60), and the market settles his way (+200) on the fourth day.
   */
  async function dansWeek(start: number) {
    now = new Date(start);
    const dan = await registerUser(timed.app);
    now = new Date(start + 1 * day);
    await postLedgerEntry(timed.core, {
      userId: dan.user.id,
      amount: 500,
      type: "admin_grant",
      reason: "a grant",
    });
    now = new Date(start + 1.5 * day);
    const marketId = await anOpenMarket(timed.core, { thisOdds: 0.5 });
    const response = await timed.app.request(
      "/api/v1/bets",
      jsonRequest("POST", { marketId, side: "this", amount: 100 }, bearer(dan.accessToken)),
    );
    expect(response.status).toBe(201);
    now = new Date(start + 2 * day);
    await saveMarket(timed.core, marketId, "credits", aMarket({ thisOdds: 0.8 }));
    now = new Date(start + 2.5 * day);
    await saveMarket(timed.core, marketId, "credits", aMarket({ thisOdds: 0.3 }));
    now = new Date(start + 4 * day);
    await resolveMarket(timed.core, marketId, "this");
    await settleMarketPage(timed.core, marketId);
    return dan;
  }

  it("follows a grant, a bet, its value moving with the odds and its settlement, every 6 hours of the week", async () => {
    const start = Date.parse("2026-06-01T00:00:00.000Z");
    const dan = await dansWeek(start);
    now = new Date(start + 5 * day);

    const body = await historyOf(dan);

    expect(body.range).toBe("1w");
    // Every 6 hours back from now while not before signup: 5 days, 21 points.
    expect(body.history).toHaveLength(21);
    expect(body.history.map((point) => point.at)).toEqual(
      Array.from({ length: 21 }, (_, index) => at(start + index * 6 * hour)),
    );
    const pointAt = (offset: number) =>
      body.history.find((point) => point.at === at(start + offset));
    expect(pointAt(0)).toEqual({ at: at(start), balance: 1000, positions: 0, total: 1000 });
    expect(pointAt(1 * day)).toMatchObject({ balance: 1500, positions: 0, total: 1500 });
    expect(pointAt(1.5 * day)).toMatchObject({ balance: 1400, positions: 100, total: 1500 });
    expect(pointAt(2 * day)).toMatchObject({ balance: 1400, positions: 160, total: 1560 });
    expect(pointAt(2.5 * day)).toMatchObject({ balance: 1400, positions: 60, total: 1460 });
    expect(pointAt(3.75 * day)).toMatchObject({ balance: 1400, positions: 60, total: 1460 });
    expect(pointAt(4 * day)).toMatchObject({ balance: 1600, positions: 0, total: 1600 });
    expect(body.history.at(-1)).toEqual({
      at: at(start + 5 * day),
      balance: 1600,
      positions: 0,
      total: body.total,
    });
  });

  it("reads the odds history of the 20 markets with the largest stakes; a position on another counts at its stake", async () => {
    const start = Date.parse("2026-08-01T00:00:00.000Z");
    now = new Date(start);
    const gus = await registerUser(timed.app);
    now = new Date(start + 60_000);
    const betOnNew = async (amount: number) => {
      const marketId = await anOpenMarket(timed.core, { thisOdds: 0.5 });
      const response = await timed.app.request(
        "/api/v1/bets",
        jsonRequest("POST", { marketId, side: "this", amount }, bearer(gus.accessToken)),
      );
      expect(response.status).toBe(201);
      return marketId;
    };
    for (let index = 0; index < 20; index++) await betOnNew(20);
    const smallest = await betOnNew(10);
    now = new Date(start + hour);
    await saveMarket(timed.core, smallest, "credits", aMarket({ thisOdds: 0.8 }));
    now = new Date(start + 12 * hour);

    const body = await historyOf(gus);

    // Six hours in: 20 × 20 at 0.5 (worth 20 each) and the 10 at its stake, not at 0.8 (16).
    expect(body.history.map(({ balance, positions }) => ({ balance, positions }))).toEqual([
      { balance: 1000, positions: 0 },
      { balance: 590, positions: 410 },
      // Now: today's odds of every position, as the headline counts them.
      { balance: 590, positions: 416 },
    ]);
  });

  it.each([
    // The week back from day 12¼ starts after signup: from day 5¼, every 6 hours.
    { range: "1w", days: 12.25, count: 29, first: 5.25 * day, gaps: [6 * hour] },
    // The month back from day 12¼ reaches before signup: signup itself, then daily up to now.
    { range: "1m", days: 12.25, count: 14, first: 0, gaps: [0.25 * day, day] },
    // Since signup: the same.
    { range: "all", days: 12.25, count: 14, first: 0, gaps: [0.25 * day, day] },
    // Since signup 200 days ago: days would be too many points, so weekly.
    { range: "all", days: 200, count: 30, first: 0, gaps: [4 * day, 7 * day] },
    // Since signup 900 days ago: weeks would be too many too, so every two weeks.
    { range: "all", days: 900, count: 66, first: 0, gaps: [4 * day, 14 * day] },
  ])("range=$range on day $days: $count points", async ({ range, days, count, first, gaps }) => {
    const start = Date.parse("2026-07-01T00:00:00.000Z");
    now = new Date(start);
    const eve = await registerUser(timed.app);
    now = new Date(start + days * day);

    const body = await historyOf(eve, range);

    expect(body.range).toBe(range);
    expect(body.history).toHaveLength(count);
    expect(body.history[0]).toEqual({
      at: at(start + first),
      balance: 1000,
      positions: 0,
      total: 1000,
    });
    // The gap after the first point (to signup's next step), then the same step up to now.
    const times = body.history.map((point) => Date.parse(point.at));
    const step = gaps.at(-1) as number;
    expect(times.slice(1).map((time, index) => time - (times[index] as number))).toEqual([
      ...gaps.slice(0, -1),
      ...Array(count - gaps.length).fill(step),
    ]);
    expect(body.history.at(-1)).toMatchObject({ at: at(start + days * day), total: 1000 });
  });

  it.each(["1d", "year", ""])("refuses range=%s with 400 naming the field", async (range) => {
    now = new Date();
    const fay = await registerUser(timed.app);

    const response = await timed.app.request(`/api/v1/users/me/portfolio?range=${range}`, {
      headers: bearer(fay.accessToken),
    });

    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain("range");
  });
});

describe("GET /users/:userId/portfolio", () => {
  it("shows anyone the open positions and totals, never the balance", async () => {
    const { alice, first, second } = await aliceWithTwoPositionsAndAWin();

    const response = await setup.app.request(`/api/v1/users/${alice.user.id}/portfolio`);

    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown> & {
      positions: { id: string }[];
      recentResults: unknown[];
    };
    expect(body).not.toHaveProperty("balance");
    expect(body).not.toHaveProperty("total");
    expect(body).not.toHaveProperty("history");
    expect(body.totals).toEqual({
      invested: 150,
      currentValue: 125,
      unrealizedPnL: -25,
      realizedPnL: 100,
    });
    expect(body.positions.map((position) => position.id)).toEqual([second, first]);
    // The settled win, with what it paid; the open bets are positions, not results.
    expect(body.recentResults).toEqual([
      expect.objectContaining({ status: "won", amount: 100, actualPayout: 200 }),
    ]);
  });

  it("answers 404 USER_NOT_FOUND for an unknown user", async () => {
    const response = await setup.app.request("/api/v1/users/nobody-at-all/portfolio");

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: "USER_NOT_FOUND" });
  });
});
