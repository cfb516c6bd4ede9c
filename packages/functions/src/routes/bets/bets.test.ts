import { getBalance, reconcile } from "@market/core/ledger";
import { createMarket } from "@market/core/markets";
import { beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "../../test-support/api-client";
import { createTestApp, jsonRequest } from "../../test-support/app";
import { aNewMarket } from "../../test-support/core";
import { bearer, registerUser, type SignedInUser } from "../../test-support/users";

let setup: Awaited<ReturnType<typeof createTestApp>>;
let alice: SignedInUser;
let bob: SignedInUser;
let marketId: string;

beforeAll(async () => {
  setup = await createTestApp();
  [alice, bob] = await Promise.all([registerUser(setup.app), registerUser(setup.app)]);
  const market = await createMarket(
    setup.core,
    aNewMarket({
      title: "Will the 8:15 train be on time?",
      thisOption: "On time",
      thatOption: "Late",
      thisOdds: 0.8,
    }),
  );
  marketId = market.marketId;
});

const bet = (
  session: SignedInUser,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
) =>
  setup.app.request(
    "/api/v1/bets",
    jsonRequest(
      "POST",
      { marketId, side: "this", ...body },
      { ...bearer(session.accessToken), ...headers },
    ),
  );

describe("POST /bets", () => {
  it("places a bet at the market's odds and answers with the new balance", async () => {
    const session = await registerUser(setup.app);

    const response = await bet(session, { amount: 100, side: "that" });

    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      bet: { amount: 100, side: "that", oddsAtBet: 0.2, potentialPayout: 500, status: "pending" },
      newBalance: 900,
    });
  });

  it.each([
    ["below the minimum", 9.99],
    ["above the maximum", 10_001],
    ["with three decimals", 10.123],
    ["a string", "100"],
    ["null", null],
  ])("refuses an amount %s with 400 INVALID_BET_AMOUNT", async (_label, amount) => {
    const response = await bet(alice, { amount });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "INVALID_BET_AMOUNT", statusCode: 400 });
  });

  it("refuses more than the balance with 402 and writes nothing", async () => {
    const session = await registerUser(setup.app);

    const response = await bet(session, { amount: 1000.01 });

    expect(response.status).toBe(402);
    expect(await response.json()).toMatchObject({ code: "INSUFFICIENT_BALANCE" });
    expect(await reconcile(setup.core, session.user.id)).toMatchObject({
      balance: 1000,
      entries: 1,
    });
  });

  it("answers an unknown market with 404 and a bad side with 400", async () => {
    expect((await bet(alice, { amount: 10, marketId: "nope" })).status).toBe(404);
    expect((await bet(alice, { amount: 10, side: "both" })).status).toBe(400);
  });

  it("returns the first bet for a retried Idempotency-Key", async () => {
    const session = await registerUser(setup.app);
    const key = { "idempotency-key": crypto.randomUUID() };

    const first = await bet(session, { amount: 50 }, key);
    const retry = await bet(session, { amount: 50 }, key);

    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    const [a, b] = (await Promise.all([first.json(), retry.json()])) as [
      { bet: { id: string } },
      { bet: { id: string } },
    ];
    expect(b.bet.id).toBe(a.bet.id);
    expect((await getBalance(setup.core, session.user.id)).balance).toBe(950);
  });

  it("needs a signed-in user", async () => {
    const response = await setup.app.request(
      "/api/v1/bets",
      jsonRequest("POST", { marketId, amount: 10, side: "this" }),
    );

    expect(response.status).toBe(401);
  });

  it("limits a user to 30 bets a minute", async () => {
    const session = await registerUser(setup.app);
    const statuses: number[] = [];
    for (let index = 0; index < 31; index++)
      statuses.push((await bet(session, { amount: 10 })).status);

    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(201));
    expect(statuses[30]).toBe(429);
  });
});

describe("GET /bets", () => {
  it("lists my bets newest first, filters by status, and hides other users' bets", async () => {
    const session = await registerUser(setup.app);
    const ids: string[] = [];
    for (const amount of [10, 20, 30]) {
      const body = (await (await bet(session, { amount })).json()) as { bet: { id: string } };
      ids.push(body.bet.id);
    }

    const api = apiClient(setup.app, session.accessToken);
    const mine = await api.GET("/api/v1/bets/me", { params: { query: { limit: 2 } } });
    const pending = await api.GET("/api/v1/bets/me", { params: { query: { status: "pending" } } });
    const won = await api.GET("/api/v1/bets/me", { params: { query: { status: "won" } } });
    const own = await api.GET("/api/v1/bets/{betId}", {
      params: { path: { betId: ids[0] ?? "" } },
    });
    const foreign = await apiClient(setup.app, bob.accessToken).GET("/api/v1/bets/{betId}", {
      params: { path: { betId: ids[0] ?? "" } },
    });

    expect(mine.data?.bets.map((b) => b.id)).toEqual([ids[2], ids[1]]);
    expect(mine.data?.bets[0]?.market.title).toBe("Will the 8:15 train be on time?");
    expect(pending.data?.bets).toHaveLength(3);
    expect(won.data?.bets).toHaveLength(0);
    expect(own.response.status).toBe(200);
    expect(foreign.response.status).toBe(404);
    expect(foreign.error).toMatchObject({ code: "BET_NOT_FOUND" });
  });

  it("answers a cursor it did not hand out with 400 naming the field", async () => {
    const response = await setup.app.request("/api/v1/bets/me?cursor=bogus", {
      headers: bearer(bob.accessToken),
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: "VALIDATION_ERROR",
      details: { fields: { cursor: "is not a cursor from this list" } },
    });
  });
});
