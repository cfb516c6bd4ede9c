/**
 * Money paths (a bet, the daily reward, a session start) judge the caller's
 * token by the consistent read of the user their operation makes anyway
 * (`requireUserCheckedOnRead`): two DynamoDB requests in all, and a revoked
 * token is still refused, nothing charged. The app here keeps no copy of a
 * token's state (`TOKEN_STATE_CACHE_SECONDS=0`), as a process that never saw
 * the user would.
 */
import { getBalance } from "@market/core/ledger";
import { createMarket } from "@market/core/markets";
import { serviceFor } from "@market/core/service";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type DynamoMeter, meterDynamo } from "../../../../scripts/bench/db-calls";
import { createTestApp, jsonRequest } from "../test-support/app";
import { aNewMarket } from "../test-support/core";
import { bearer, registerUser, type SignedInUser } from "../test-support/users";

let setup: Awaited<ReturnType<typeof createTestApp>>;
let meter: DynamoMeter;
let marketId: string;

beforeAll(async () => {
  setup = await createTestApp({ env: { TOKEN_STATE_CACHE_SECONDS: "0" } });
  meter = meterDynamo(setup.db);
  // The session's workflow is not what this counts: in AWS the API's part of it
  // is one Step Functions StartExecution, no DynamoDB request.
  setup.deps.services.sessions.start = async (run) => ({ executionName: run.sessionId });
  ({ marketId } = await createMarket(setup.core, aNewMarket({ title: "Rain in Lisbon?" })));
});

beforeEach(() => meter.reset());

const moneyPaths = {
  bet: (user: SignedInUser) =>
    setup.app.request(
      "/api/v1/bets",
      jsonRequest("POST", { marketId, side: "this", amount: 50 }, bearer(user.accessToken)),
    ),
  "daily reward": (user: SignedInUser) =>
    setup.app.request("/api/v1/rewards/daily", {
      method: "POST",
      headers: bearer(user.accessToken),
    }),
  "session start": (user: SignedInUser) =>
    setup.app.request(
      "/api/v1/predictions/sessions",
      jsonRequest("POST", { marketId, selectedModels: ["consensus"] }, bearer(user.accessToken)),
    ),
};

/** DynamoDB requests the meter saw since its reset, by command. */
function requests(): Record<string, number> {
  return meter.snapshot();
}

describe.each(Object.entries(moneyPaths))("%s", (_name, spend) => {
  it("costs one read of the user with the market and one transaction", async () => {
    const user = await registerUser(setup.app);
    meter.reset();

    const response = await spend(user);

    expect(response.status).toBe(201);
    const calls = requests();
    const total = Object.values(calls).reduce((sum, count) => sum + count, 0);
    expect({ total, transactions: calls.TransactWriteItemsCommand }).toEqual({
      total: 2,
      transactions: 1,
    });
  });

  it("refuses the token of a logged-out sign-in and charges nothing", async () => {
    const user = await registerUser(setup.app);
    const logout = await setup.app.request(
      "/api/v1/auth/logout",
      jsonRequest("POST", { refreshToken: user.refreshToken }, bearer(user.accessToken)),
    );
    expect(logout.status).toBe(200);
    const before = await getBalance(setup.core, user.user.id);

    const response = await spend(user);

    expect(response.status).toBe(401);
    expect(await getBalance(setup.core, user.user.id)).toEqual(before);
  });

  it("refuses a token issued before a password change", async () => {
    const user = await registerUser(setup.app);
    const changed = await setup.app.request(
      "/api/v1/auth/password",
      jsonRequest(
        "POST",
        { currentPassword: user.password, newPassword: "A brand new long passphrase 42" },
        bearer(user.accessToken),
      ),
    );
    expect(changed.status).toBe(200);
    const before = await getBalance(setup.core, user.user.id);

    const response = await spend(user);

    expect(response.status).toBe(401);
    expect(await getBalance(setup.core, user.user.id)).toEqual(before);
  });
});

describe("a refused money request", () => {
  it("marks the user active today, which the refused operation did not", async () => {
    const user = await registerUser(setup.app);
    const users = serviceFor(setup.db).entities.user;
    await users.patch({ userId: user.user.id }).set({ lastActiveDay: "2000-01-01" }).go();

    const refused = await setup.app.request(
      "/api/v1/bets",
      jsonRequest("POST", { marketId, side: "this", amount: 5_000 }, bearer(user.accessToken)),
    );

    expect(refused.status).toBe(402);
    const { data } = await users.get({ userId: user.user.id }).go({ consistent: true });
    // The UTC day, as analytics counts days.
    expect(data?.lastActiveDay).toBe(setup.core.clock().toISOString().slice(0, 10));
  });

  it("costs the claim's read and its limit's window once the user is marked", async () => {
    const user = await registerUser(setup.app);
    expect((await moneyPaths["daily reward"](user)).status).toBe(201);
    meter.reset();

    const refused = await moneyPaths["daily reward"](user);

    expect(refused.status).toBe(409);
    expect(requests()).toEqual({ GetItemCommand: 1, UpdateItemCommand: 1 });
  });
});
