import { serviceFor } from "@market/core";
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
let outsider: SignedInUser;

beforeAll(async () => {
  ({ setup, admin, user: outsider } = await withAdminAndUser());
});

const credits = (body: unknown, key = uniqueName("key"), token = admin.accessToken) =>
  setup.app.request(
    "/api/v1/admin/credits",
    jsonRequest("POST", body, { ...bearer(token), "idempotency-key": key }),
  );
const get = (path: string, token = admin.accessToken) =>
  setup.app.request(`/api/v1${path}`, { headers: bearer(token) });

async function auditOf(userId: string) {
  const response = await get(`/admin/audit?userId=${userId}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { events: Record<string, unknown>[] }).events;
}

describe("admin credit tools", () => {
  it("writes a grant to the user's history and to the audit trail with the admin's id", async () => {
    const target = await registerUser(setup.app);

    const response = await credits({
      userId: target.user.id,
      type: "admin_grant",
      amount: 120.5,
      reason: "support refund",
    });

    expect(response.status).toBe(201);
    const ledger = await get(`/admin/users/${target.user.id}/ledger`);
    expect(await ledger.json()).toMatchObject({
      total: 2,
      transactions: [
        { transactionType: "admin_grant", amount: 120.5, reason: "support refund" },
        { transactionType: "signup_bonus" },
      ],
    });
    expect(await auditOf(target.user.id)).toEqual([
      expect.objectContaining({
        type: "admin_grant",
        adminId: admin.user.id,
        userId: target.user.id,
        amount: 120.5,
        reason: "support refund",
        balanceBefore: 1000,
        balanceAfter: 1120.5,
      }),
    ]);
    const mine = await get("/transactions/me", target.accessToken);
    expect(await mine.json()).toMatchObject({
      transactions: [{ transactionType: "admin_grant", reason: "support refund" }, {}],
    });
  });

  it("refuses an adjustment below 0 with 402 and writes neither entry nor audit event", async () => {
    const target = await registerUser(setup.app);

    const response = await credits({
      userId: target.user.id,
      type: "admin_adjustment",
      amount: -1000.01,
      reason: "too much",
    });

    expect(response.status).toBe(402);
    expect(await response.json()).toMatchObject({
      code: "INSUFFICIENT_BALANCE",
      details: { balance: 1000, required: 1000.01, for: "admin_adjustment" },
    });
    expect(await reconcile(setup.core, target.user.id)).toMatchObject({
      balance: 1000,
      entries: 1,
      consistent: true,
    });
    expect(await auditOf(target.user.id)).toEqual([]);
  });

  it("refuses an adjustment above the cap with 422 and writes nothing", async () => {
    const target = await registerUser(setup.app);

    const response = await credits({
      userId: target.user.id,
      type: "admin_adjustment",
      amount: 999_000.01,
      reason: "too generous",
    });

    expect(response.status).toBe(422);
    expect((await getBalance(setup.core, target.user.id)).entries).toBe(1);
    expect(await auditOf(target.user.id)).toEqual([]);
  });

  it("lets one of two racing debits through when the balance covers only one, auditing only it", async () => {
    const target = await registerUser(setup.app);
    const debit = {
      userId: target.user.id,
      type: "admin_adjustment",
      amount: -600,
      reason: "race",
    };

    const responses = await Promise.all([credits(debit), credits(debit)]);

    expect(responses.map((r) => r.status).sort()).toEqual([201, 402]);
    expect(await reconcile(setup.core, target.user.id)).toMatchObject({
      balance: 400,
      entries: 2,
      consistent: true,
    });
    expect(await auditOf(target.user.id)).toHaveLength(1);
  });

  it("writes once for a replayed Idempotency-Key, also when the replays race", async () => {
    const target = await registerUser(setup.app);
    const body = { userId: target.user.id, type: "admin_adjustment", amount: -40, reason: "fix" };
    const key = uniqueName("race");

    const responses = await Promise.all(Array.from({ length: 5 }, () => credits(body, key)));
    const replay = await credits(body, key);

    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(replay.status).toBe(201);
    expect(await reconcile(setup.core, target.user.id)).toMatchObject({
      balance: 960,
      entries: 2,
      consistent: true,
    });
    expect(await auditOf(target.user.id)).toHaveLength(1);
  });

  it("filters the audit trail by admin and by type, newest first, in pages", async () => {
    const target = await registerUser(setup.app);
    for (const amount of [1, 2, 3]) {
      await credits({ userId: target.user.id, type: "admin_grant", amount, reason: `r${amount}` });
    }
    await credits({ userId: target.user.id, type: "admin_adjustment", amount: -1, reason: "r4" });

    const byType = await get(`/admin/audit?userId=${target.user.id}&type=admin_grant&limit=2`);
    const first = (await byType.json()) as { events: { amount: number }[]; nextCursor: string };
    expect(first.events.map((event) => event.amount)).toEqual([3, 2]);
    const next = await get(
      `/admin/audit?userId=${target.user.id}&type=admin_grant&limit=2&cursor=${encodeURIComponent(first.nextCursor)}`,
    );
    expect(
      ((await next.json()) as { events: { amount: number }[] }).events.map((e) => e.amount),
    ).toEqual([1]);
    const byAdmin = await get(`/admin/audit?adminId=${admin.user.id}&type=admin_adjustment`);
    const adjustments = ((await byAdmin.json()) as { events: { reason: string }[] }).events;
    expect(adjustments.map((event) => event.reason)).toContain("r4");
    expect(adjustments.every((event) => event.reason !== "r1")).toBe(true);
  });
});

describe("admin user lookup", () => {
  it("finds users by email prefix and by username prefix, case-insensitively", async () => {
    const stem = uniqueName("Zq");
    const [one, two] = await Promise.all([
      registerUser(setup.app, { username: `${stem}_one` }),
      registerUser(setup.app, { username: `${stem}_two` }),
    ]);

    const byName = await get(`/admin/users?username=${stem.toUpperCase()}`);
    const byEmail = await get(`/admin/users?email=${stem.toLowerCase()}_t&limit=5`);

    expect(byName.status).toBe(200);
    const names = ((await byName.json()) as { users: { id: string }[] }).users.map((u) => u.id);
    expect(names.sort()).toEqual([one.user.id, two.user.id].sort());
    expect(await byEmail.json()).toMatchObject({
      users: [{ id: two.user.id, creditBalance: 1000, plan: "free", role: "user" }],
      limit: 5,
    });
  });

  it("answers 400 when neither or both search keys are given", async () => {
    expect((await get("/admin/users")).status).toBe(400);
    expect((await get("/admin/users?email=a&username=b")).status).toBe(400);
  });

  it("shows a user's full profile and 404 for an unknown one", async () => {
    const target = await registerUser(setup.app);

    const response = await get(`/admin/users/${target.user.id}`);

    expect(await response.json()).toMatchObject({
      id: target.user.id,
      creditBalance: 1000,
      totalCreditsEarned: 1000,
      totalCreditsSpent: 0,
      plan: "free",
      role: "user",
      ledgerEntries: 1,
    });
    expect((await get("/admin/users/nobody")).status).toBe(404);
  });
});

describe("plan and role", () => {
  const patch = (userId: string, body: unknown, token = admin.accessToken) =>
    setup.app.request(`/api/v1/admin/users/${userId}`, jsonRequest("PATCH", body, bearer(token)));

  it("sets the unlimited plan and a role, each audited with before and after", async () => {
    const target = await registerUser(setup.app);

    const response = await patch(target.user.id, {
      plan: "unlimited",
      role: "admin",
      reason: "staff account",
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ plan: "unlimited", role: "admin" });
    const events = await auditOf(target.user.id);
    expect(events).toHaveLength(2);
    expect(events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: "plan_change", from: "free", to: "unlimited" }),
        expect.objectContaining({ type: "role_change", from: "user", to: "admin" }),
      ]),
    );
    const { data } = await serviceFor(setup.db).entities.user.get({ userId: target.user.id }).go();
    expect(data).toMatchObject({ plan: "unlimited", role: "admin" });
  });

  it("writes nothing when the plan is already set, and 400 for nothing to change", async () => {
    const target = await registerUser(setup.app);

    expect((await patch(target.user.id, { plan: "free", reason: "noop" })).status).toBe(200);
    expect((await patch(target.user.id, { reason: "nothing" })).status).toBe(400);
    expect(await auditOf(target.user.id)).toEqual([]);
  });

  it("races two plan changes into exactly one change and one audit event", async () => {
    const target = await registerUser(setup.app);

    await Promise.all([
      patch(target.user.id, { plan: "unlimited", reason: "a" }),
      patch(target.user.id, { plan: "unlimited", reason: "b" }),
    ]);

    expect(await auditOf(target.user.id)).toHaveLength(1);
  });
});

describe("every admin route refuses a non-admin", () => {
  it.each([
    ["GET", "/admin/audit"],
    ["GET", "/admin/users?email=a"],
    ["GET", "/admin/users/x"],
    ["GET", "/admin/users/x/ledger"],
    ["PATCH", "/admin/users/x"],
  ])("%s %s answers 403", async (method, path) => {
    const response = await setup.app.request(
      `/api/v1${path}`,
      method === "GET"
        ? { headers: bearer(outsider.accessToken) }
        : jsonRequest(method, { plan: "unlimited", reason: "me" }, bearer(outsider.accessToken)),
    );

    expect(response.status).toBe(403);
  });
});
