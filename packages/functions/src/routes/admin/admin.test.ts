import { getBalance, reconcile } from "@market/core/ledger";
import { beforeAll, describe, expect, it } from "vitest";
import { type createTestApp, jsonRequest } from "../../test-support/app";
import {
  bearer,
  registerUser,
  type SignedInUser,
  uniqueName,
  withAdminAndUser,
} from "../../test-support/users";

let setup: Awaited<ReturnType<typeof createTestApp>>;
let admin: SignedInUser;
let user: SignedInUser;

beforeAll(async () => {
  ({ setup, admin, user } = await withAdminAndUser());
});

const grant = (token: string, body: unknown, headers: Record<string, string> = {}) =>
  setup.app.request(
    "/api/v1/admin/credits",
    jsonRequest("POST", body, { ...bearer(token), ...headers }),
  );

describe("POST /admin/credits", () => {
  it("refuses a user token with 403 and writes nothing", async () => {
    const response = await grant(user.accessToken, {
      userId: user.user.id,
      type: "admin_grant",
      amount: 500,
      reason: "self service",
    });

    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: "FORBIDDEN", statusCode: 403 });
    expect((await getBalance(setup.core, user.user.id)).balance).toBe(1000);
  });

  it("refuses an anonymous caller with 401", async () => {
    const response = await setup.app.request(
      "/api/v1/admin/credits",
      jsonRequest("POST", { userId: user.user.id, type: "admin_grant", amount: 1, reason: "x" }),
    );

    expect(response.status).toBe(401);
  });

  it.each([
    ["grants credits as an admin_grant entry", "admin_grant", 250],
    ["takes credits as an admin_adjustment entry", "admin_adjustment", -250],
  ])("%s, once per Idempotency-Key", async (_label, type, amount) => {
    const target = await registerUser(setup.app);
    const body = { userId: target.user.id, type, amount, reason: "contest prize" };
    const key = { "idempotency-key": uniqueName("credits") };

    const first = await grant(admin.accessToken, body, key);
    const replay = await grant(admin.accessToken, body, key);

    expect(first.status).toBe(201);
    const firstBody = (await first.json()) as { newBalance: number; transaction: { id: string } };
    expect(firstBody).toMatchObject({
      newBalance: 1000 + amount,
      transaction: { transactionType: type, amount },
    });
    expect(replay.status).toBe(201);
    expect(await replay.json()).toEqual(firstBody);
    expect(await reconcile(setup.core, target.user.id)).toMatchObject({
      consistent: true,
      balance: 1000 + amount,
      entries: 2,
    });
  });

  it.each([
    ["a negative grant", { type: "admin_grant", amount: -5 }, 400, "INVALID_AMOUNT"],
    ["three decimals", { type: "admin_grant", amount: 1.234 }, 400, "INVALID_AMOUNT"],
    ["zero", { type: "admin_adjustment", amount: 0 }, 400, "VALIDATION_ERROR"],
    [
      "an adjustment below zero",
      { type: "admin_adjustment", amount: -1e6 },
      402,
      "INSUFFICIENT_BALANCE",
    ],
    [
      "a grant above the cap",
      { type: "admin_grant", amount: 999_999.99 },
      422,
      "BALANCE_CAP_EXCEEDED",
    ],
  ])("refuses %s and writes nothing", async (_label, change, status, code) => {
    const target = await registerUser(setup.app);

    const response = await grant(admin.accessToken, {
      userId: target.user.id,
      reason: "x",
      ...change,
    });

    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ code });
    expect(await reconcile(setup.core, target.user.id)).toMatchObject({
      balance: 1000,
      entries: 1,
    });
  });

  it("never overdraws when negative adjustments race", async () => {
    const target = await registerUser(setup.app);

    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        grant(admin.accessToken, {
          userId: target.user.id,
          type: "admin_adjustment",
          amount: -300,
          reason: "chargeback",
        }),
      ),
    );

    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([201, 201, 201, 402, 402]);
    expect(await reconcile(setup.core, target.user.id)).toMatchObject({
      consistent: true,
      balance: 100,
      entries: 4,
    });
  });

  it("answers 404 for an unknown user", async () => {
    const response = await grant(admin.accessToken, {
      userId: "nobody",
      type: "admin_grant",
      amount: 5,
      reason: "x",
    });

    expect(response.status).toBe(404);
  });
});
