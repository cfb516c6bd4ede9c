import { settleMarketPage } from "@market/core/bets";
import { createMarket, resolveMarket } from "@market/core/markets";
import { beforeAll, describe, expect, it } from "vitest";
import { type createTestApp, jsonRequest } from "../../test-support/app";
import { aNewMarket } from "../../test-support/core";
import {
  anAppWithAnAdmin,
  bearer,
  registerUser,
  type SignedInUser,
} from "../../test-support/users";

let setup: Awaited<ReturnType<typeof createTestApp>>;
let admin: SignedInUser;
let bettors: SignedInUser[];

beforeAll(async () => {
  ({ setup, admin } = await anAppWithAnAdmin());
  bettors = await Promise.all([1, 2, 3].map(() => registerUser(setup.app)));
});

/** An open market with one 20-credit bet of each bettor on it. */
async function marketWithThreeBets(): Promise<string> {
  const { marketId } = await createMarket(setup.core, aNewMarket());
  for (const [index, bettor] of bettors.entries()) {
    const response = await setup.app.request(
      "/api/v1/bets",
      jsonRequest(
        "POST",
        { marketId, side: index === 0 ? "that" : "this", amount: 20 },
        bearer(bettor.accessToken),
      ),
    );
    expect(response.status).toBe(201);
  }
  return marketId;
}

const progress = (marketId: string, token = admin.accessToken) =>
  setup.app.request(`/api/v1/admin/markets/${marketId}/settlement`, { headers: bearer(token) });

describe("GET /admin/markets/{marketId}/settlement", () => {
  it("refuses a user who is not an admin with 403", async () => {
    const marketId = await marketWithThreeBets();

    const response = await progress(marketId, bettors[0]?.accessToken);

    expect(response.status).toBe(403);
  });

  it("answers 404 MARKET_NOT_FOUND for an unknown market", async () => {
    const response = await progress("m_nope");

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: "MARKET_NOT_FOUND" });
  });

  it("shows an open market's pending bets: what a resolve would settle", async () => {
    const marketId = await marketWithThreeBets();

    const response = await progress(marketId);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      marketId,
      status: "open",
      resolution: null,
      settlement: "none",
      pendingBets: 3,
      settledBets: null,
      startedAt: null,
      finishedAt: null,
    });
  });

  it("shows a settlement that has settled a page as running, with the bets left", async () => {
    const marketId = await marketWithThreeBets();
    await resolveMarket(setup.core, marketId, "this");

    const resolved = await (await progress(marketId)).json();
    await settleMarketPage(setup.core, marketId, 2);
    const midway = await (await progress(marketId)).json();

    expect(resolved).toMatchObject({ settlement: "pending", pendingBets: 3, settledBets: null });
    expect(midway).toMatchObject({
      status: "resolved",
      resolution: "this",
      settlement: "running",
      pendingBets: 1,
      settledBets: 2,
      startedAt: expect.any(String),
      finishedAt: null,
    });
  });

  it("reports a settlement the resolve route ran as done, with every bet settled once", async () => {
    const marketId = await marketWithThreeBets();

    const resolve = await setup.app.request(
      `/api/v1/admin/markets/${marketId}/resolve`,
      jsonRequest("POST", { resolution: "invalid" }, bearer(admin.accessToken)),
    );
    expect(resolve.status).toBe(200);
    await Promise.all(setup.settlements);
    // Run again: nothing is settled twice, and the count stays.
    const again = await setup.app.request(`/api/v1/admin/markets/${marketId}/settle`, {
      method: "POST",
      headers: bearer(admin.accessToken),
    });
    expect(again.status).toBe(202);
    await Promise.all(setup.settlements);

    const body = await (await progress(marketId)).json();
    expect(body).toMatchObject({
      status: "resolved",
      resolution: "invalid",
      settlement: "done",
      pendingBets: 0,
      settledBets: 3,
    });
    expect(Date.parse(body.finishedAt)).toBeGreaterThanOrEqual(Date.parse(body.startedAt));
  });
});
