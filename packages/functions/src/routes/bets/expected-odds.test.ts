import { getBalance, reconcile } from "@market/core/ledger";
import { createMarket, saveMarket } from "@market/core/markets";
import { serviceFor } from "@market/core/service";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, jsonRequest } from "../../test-support/app";
import { aMarket, aNewMarket } from "../../test-support/core";
import { bearer, registerUser, type SignedInUser } from "../../test-support/users";

let setup: Awaited<ReturnType<typeof createTestApp>>;
let marketId: string;

beforeAll(async () => {
  setup = await createTestApp();
  const market = await createMarket(
    setup.core,
    aNewMarket({ title: "Will the odds move under the bettor?", thisOdds: 0.6 }),
  );
  marketId = market.marketId;
  // Someone else's update: the market is at 0.65 / 0.35 now.
  await saveMarket(
    setup.core,
    marketId,
    "credits",
    aMarket({ title: market.title, thisOdds: 0.65, expiresAt: market.expiresAt }),
  );
});

const bet = (session: SignedInUser, body: Record<string, unknown>) =>
  setup.app.request(
    "/api/v1/bets",
    jsonRequest(
      "POST",
      { marketId, side: "this", amount: 100, ...body },
      { ...bearer(session.accessToken), "idempotency-key": crypto.randomUUID() },
    ),
  );

const ledgerOf = async (userId: string) =>
  (await serviceFor(setup.db).entities.ledgerEntry.query.byUser({ userId }).go()).data;

describe("POST /bets with expectedOdds", () => {
  it("refuses with 409 ODDS_CHANGED and today's odds when they moved past the slippage, charging nothing", async () => {
    const session = await registerUser(setup.app);
    const ledgerBefore = await ledgerOf(session.user.id);

    const response = await bet(session, { expectedOdds: 0.6 });

    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({
      code: "ODDS_CHANGED",
      details: { side: "this", expectedOdds: 0.6, odds: 0.65, slippage: 0.02 },
    });
    expect((await getBalance(setup.core, session.user.id))?.balance).toBe(1000);
    expect(await ledgerOf(session.user.id)).toEqual(ledgerBefore);
    const mine = await setup.app.request("/api/v1/bets/me", {
      headers: bearer(session.accessToken),
    });
    expect(((await mine.json()) as { bets: unknown[] }).bets).toEqual([]);
    expect(await reconcile(setup.core, session.user.id)).toMatchObject({ consistent: true });
  });

  it.each([
    ["the odds it saw", "this", 0.65],
    ["odds within the slippage", "this", 0.63],
    ["the other side's odds it saw", "that", 0.35],
  ])("places a bet sent with %s", async (_label, side, expectedOdds) => {
    const session = await registerUser(setup.app);

    const response = await bet(session, { side, expectedOdds });

    expect(response.status).toBe(201);
    expect((await getBalance(setup.core, session.user.id))?.balance).toBe(900);
  });

  it.each([0, 1, "0.6", -0.2])(
    "answers expectedOdds of %s with 400 naming it",
    async (expectedOdds) => {
      const session = await registerUser(setup.app);

      const response = await bet(session, { expectedOdds });

      expect(response.status).toBe(400);
      const body = (await response.json()) as { details: { fields: Record<string, string> } };
      expect(Object.keys(body.details.fields)).toEqual(["body.expectedOdds"]);
      expect((await getBalance(setup.core, session.user.id))?.balance).toBe(1000);
    },
  );
});
