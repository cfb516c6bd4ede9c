import { getBalance, history, postLedgerEntry, reconcile } from "@market/core/ledger";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, jsonRequest } from "../../test-support/app";
import { bearer, registerUser, type SignedInUser } from "../../test-support/users";

const hour = 3_600_000;
let now = new Date("2026-06-01T10:00:00.000Z");
let setup: Awaited<ReturnType<typeof createTestApp>>;
const env = {
  ACCESS_TOKEN_TTL_SECONDS: String(365 * 24 * 60 * 60),
  TRANSFER_MAX_PER_DAY: "5000",
  TRANSFERS_PER_USER_PER_MINUTE: "100",
  BALANCE_CAP: "5000",
};

beforeAll(async () => {
  setup = await createTestApp({ env, clock: () => now });
});

/** Two users whose accounts are old enough to send (the clock moves past the minimum age). */
async function twoOldUsers(app = setup.app): Promise<[SignedInUser, SignedInUser]> {
  const users = [await registerUser(app), await registerUser(app)] as const;
  now = new Date(now.getTime() + 25 * hour);
  return [users[0], users[1]];
}

const send = (from: SignedInUser, body: Record<string, unknown>, app = setup.app) =>
  app.request("/api/v1/transfers", jsonRequest("POST", body, bearer(from.accessToken)));

const balanceOf = async (user: SignedInUser) =>
  (await getBalance(setup.core, user.user.id)).balance;

describe("POST /transfers", () => {
  it("moves credits from the sender to the receiver, both entries in one go", async () => {
    const [ada, bo] = await twoOldUsers();
    const response = await send(ada, {
      toUsername: bo.user.username.toUpperCase(),
      amount: 125.5,
      note: "for the tip",
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({
      id: expect.any(String),
      amount: 125.5,
      to: { id: bo.user.id, username: bo.user.username },
      note: "for the tip",
      newBalance: 874.5,
      createdAt: now.toISOString(),
    });
    expect(await balanceOf(ada)).toBe(874.5);
    expect(await balanceOf(bo)).toBe(1125.5);
    const [out] = (await history(setup.core, ada.user.id, { type: "transfer_out" })).entries;
    const [inn] = (await history(setup.core, bo.user.id, { type: "transfer_in" })).entries;
    expect(out).toMatchObject({ amount: -125.5, referenceId: bo.user.id });
    expect(out?.reason).toContain(`@${bo.user.username}: for the tip`);
    expect(inn).toMatchObject({ amount: 125.5, referenceId: ada.user.id });
    expect((await reconcile(setup.core, ada.user.id)).consistent).toBe(true);
    expect((await reconcile(setup.core, bo.user.id)).consistent).toBe(true);
  });

  it("returns the first transfer for a retried Idempotency-Key", async () => {
    const [ada, bo] = await twoOldUsers();
    const request = () =>
      setup.app.request(
        "/api/v1/transfers",
        jsonRequest(
          "POST",
          { toUsername: bo.user.username, amount: 40 },
          { ...bearer(ada.accessToken), "idempotency-key": "gift-1" },
        ),
      );
    const [first, second] = await Promise.all([request(), request()]);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect((await first.json()).id).toBe((await second.json()).id);
    expect(await balanceOf(ada)).toBe(960);
    expect(await balanceOf(bo)).toBe(1040);
  });

  it("never takes the sender below 0 with 20 transfers at once", async () => {
    const [ada, bo] = await twoOldUsers();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => send(ada, { toUsername: bo.user.username, amount: 100 })),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([...Array(10).fill(201), ...Array(10).fill(402)]);
    expect(await balanceOf(ada)).toBe(0);
    expect(await balanceOf(bo)).toBe(2000);
    expect((await history(setup.core, ada.user.id, { type: "transfer_out" })).total).toBe(10);
    expect((await reconcile(setup.core, ada.user.id)).consistent).toBe(true);
    expect((await reconcile(setup.core, bo.user.id)).consistent).toBe(true);
  });

  describe("refuses, moving nothing", () => {
    const refusals: [
      string,
      (ada: SignedInUser, bo: SignedInUser) => Promise<Record<string, unknown>>,
      number,
      string,
    ][] = [
      [
        "a gift to yourself",
        async (ada) => ({ toUsername: ada.user.username, amount: 50 }),
        400,
        "TRANSFER_TO_SELF",
      ],
      [
        "an unknown user",
        async () => ({ toUsername: "nobody_by_this_name", amount: 50 }),
        404,
        "USER_NOT_FOUND",
      ],
      [
        "an amount under TRANSFER_MIN",
        async (_, bo) => ({ toUsername: bo.user.username, amount: 9.99 }),
        400,
        "INVALID_TRANSFER_AMOUNT",
      ],
      [
        "an amount over TRANSFER_MAX_PER_DAY",
        async (_, bo) => ({ toUsername: bo.user.username, amount: 5000.01 }),
        400,
        "INVALID_TRANSFER_AMOUNT",
      ],
      [
        "an amount that is not a number",
        async (_, bo) => ({ toUsername: bo.user.username, amount: "50" }),
        400,
        "INVALID_TRANSFER_AMOUNT",
      ],
      [
        "more than the balance",
        async (_, bo) => ({ toUsername: bo.user.username, amount: 1000.01 }),
        402,
        "INSUFFICIENT_BALANCE",
      ],
      [
        "a receiver at the cap",
        async (_, bo) => {
          await postLedgerEntry(setup.core, {
            userId: bo.user.id,
            amount: 3990,
            type: "admin_grant",
            reason: "top up",
          });
          return { toUsername: bo.user.username, amount: 11 };
        },
        422,
        "BALANCE_CAP_EXCEEDED",
      ],
    ];
    it.each(refusals)("%s", async (_name, body, status, code) => {
      const [ada, bo] = await twoOldUsers();
      const sent = await body(ada, bo);
      const before = [await balanceOf(ada), await balanceOf(bo)];
      const response = await send(ada, sent);
      expect(response.status).toBe(status);
      const answer = (await response.json()) as { code: string; error: string };
      expect(answer.code).toBe(code);
      expect(answer.error.length).toBeGreaterThan(0);
      expect([await balanceOf(ada), await balanceOf(bo)]).toEqual(before);
      expect((await history(setup.core, ada.user.id, { type: "transfer_out" })).total).toBe(0);
    });

    it("past the sender's total of the day, until the next UTC day", async () => {
      now = new Date("2026-07-01T08:00:00.000Z");
      const [ada, bo] = await twoOldUsers();
      const [cy] = await twoOldUsers();
      await postLedgerEntry(setup.core, {
        userId: ada.user.id,
        amount: 4000,
        type: "admin_grant",
        reason: "top up",
      });
      // 3,990 + 1,000 = 4,990 of the day's 5,000 (each receiver stays under the cap).
      expect((await send(ada, { toUsername: bo.user.username, amount: 3990 })).status).toBe(201);
      expect((await send(ada, { toUsername: cy.user.username, amount: 1000 })).status).toBe(201);
      const refused = await send(ada, { toUsername: cy.user.username, amount: 11 });
      expect(refused.status).toBe(422);
      expect(await refused.json()).toMatchObject({
        code: "TRANSFER_DAILY_LIMIT",
        details: { remaining: 10 },
      });
      expect(await balanceOf(ada)).toBe(10);
      // The next UTC day starts a new total.
      now = new Date((Math.floor(now.getTime() / (24 * hour)) + 1) * 24 * hour + 1000);
      expect((await send(ada, { toUsername: cy.user.username, amount: 10 })).status).toBe(201);
    });

    it("from an account younger than TRANSFER_MIN_ACCOUNT_AGE_HOURS", async () => {
      const [, bo] = await twoOldUsers();
      const fresh = await registerUser(setup.app);
      const response = await send(fresh, { toUsername: bo.user.username, amount: 50 });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ code: "ACCOUNT_TOO_NEW" });
      expect(await balanceOf(fresh)).toBe(1000);
      now = new Date(now.getTime() + 24 * hour);
      expect((await send(fresh, { toUsername: bo.user.username, amount: 50 })).status).toBe(201);
    });

    it("past TRANSFERS_PER_USER_PER_MINUTE", async () => {
      const limited = await createTestApp({
        env: { ...env, TRANSFERS_PER_USER_PER_MINUTE: "2" },
        clock: () => now,
      });
      const [ada, bo] = await twoOldUsers(limited.app);
      const statuses: number[] = [];
      for (let index = 0; index < 3; index++) {
        statuses.push(
          (await send(ada, { toUsername: bo.user.username, amount: 10 }, limited.app)).status,
        );
      }
      expect(statuses).toEqual([201, 201, 429]);
      expect((await getBalance(limited.core, ada.user.id)).balance).toBe(980);
    });
  });
});
