import { settleMarketPage } from "@market/core/bets";
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

  it("reads the user, one Query of pending bets and one BatchGetItem of their markets", async () => {
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
      QueryCommand: 1,
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
    });
  });

  it("answers 401 without a token", async () => {
    expect((await setup.app.request("/api/v1/users/me/portfolio")).status).toBe(401);
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
