import { createMarket } from "@market/core/markets";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, jsonRequest } from "../../test-support/app";
import { aNewMarket } from "../../test-support/core";
import { bearer, registerUser, type SignedInUser } from "../../test-support/users";

// A fixed clock: 10:20 UTC, so the hour window ends at 11:00 and the day's at midnight.
const now = new Date("2026-04-02T10:20:00.000Z");
let setup: Awaited<ReturnType<typeof createTestApp>>;
let marketId: string;

beforeAll(async () => {
  setup = await createTestApp({
    env: {
      PREDICTION_SESSIONS_PER_HOUR: "2",
      PREDICTION_SESSIONS_PER_DAY: "5",
      ACCESS_TOKEN_TTL_SECONDS: String(365 * 24 * 60 * 60),
    },
    clock: () => now,
  });
  marketId = (await createMarket(setup.core, aNewMarket({ title: "Will the bridge reopen?" })))
    .marketId;
});

const quota = async (session: SignedInUser) => {
  const response = await setup.app.request("/api/v1/predictions/quota", {
    headers: bearer(session.accessToken),
  });
  expect(response.status).toBe(200);
  return response.json();
};
const start = (session: SignedInUser) =>
  setup.app.request(
    "/api/v1/predictions/sessions",
    jsonRequest(
      "POST",
      { marketId, selectedModels: ["consensus"] },
      { ...bearer(session.accessToken), "idempotency-key": crypto.randomUUID() },
    ),
  );

describe("GET /predictions/quota", () => {
  it("says how many sessions are left in each window and when it resets, counting nothing", async () => {
    const ada = await registerUser(setup.app);
    expect(await quota(ada)).toEqual({
      perHour: { limit: 2, used: 0, remaining: 2, resetAt: "2026-04-02T11:00:00.000Z" },
      perDay: { limit: 5, used: 0, remaining: 5, resetAt: "2026-04-03T00:00:00.000Z" },
    });
    expect((await start(ada)).status).toBe(201);
    expect((await start(ada)).status).toBe(201);
    const spent = await quota(ada);
    expect(spent.perHour).toMatchObject({ used: 2, remaining: 0 });
    expect(spent.perDay).toMatchObject({ used: 2, remaining: 3 });
    // Reading it again counted nothing; the next start is the one refused.
    expect(await quota(ada)).toEqual(spent);
    const refused = await start(ada);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe(String(40 * 60));
    expect((await quota(ada)).perHour.used).toBe(2);
  });

  it("is the caller's own and needs a sign-in", async () => {
    const [ada, bob] = await Promise.all([registerUser(setup.app), registerUser(setup.app)]);
    expect((await start(ada)).status).toBe(201);
    expect((await quota(bob)).perHour.used).toBe(0);
    expect((await setup.app.request("/api/v1/predictions/quota")).status).toBe(401);
  });
});
