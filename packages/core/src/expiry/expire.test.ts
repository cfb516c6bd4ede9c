import { describe, expect, it } from "vitest";
import type { CoreContext } from "../context";
import { openAccount } from "../ledger/open-account";
import { postLedgerEntry } from "../ledger/post";
import { getBalance, history } from "../ledger/read";
import { reconcile } from "../ledger/reconcile";
import { listNotifications, unreadCount } from "../notifications";
import { createTestContext } from "../test-support";
import { expireInactiveBalances } from "./expire";

const day = 86_400_000;

/** A context whose clock the test moves. */
async function withClock(env: Record<string, string>, start: Date) {
  const base = await createTestContext(env);
  let now = start;
  const ctx: CoreContext = { ...base, clock: () => now };
  return { ctx, travel: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

async function anAccount(ctx: CoreContext, balance: number): Promise<string> {
  const userId = `user-${ctx.newId()}`;
  await openAccount(ctx, {
    userId,
    openingGrant: { amount: balance, type: "signup_bonus", reason: "Welcome bonus" },
  });
  return userId;
}

describe("expireInactiveBalances", () => {
  it("does nothing while CREDIT_EXPIRY_INACTIVE_DAYS is unset", async () => {
    const { ctx, travel } = await withClock({}, new Date("2026-01-01T00:00:00Z"));
    const userId = await anAccount(ctx, 500);
    travel(1_000 * day);
    expect(await expireInactiveBalances(ctx)).toMatchObject({ enabled: false, usersExpired: 0 });
    expect((await getBalance(ctx, userId)).balance).toBe(500);
  });

  it("expires the balance of accounts inactive that long, bought credits aside, once", async () => {
    const { ctx, travel } = await withClock(
      { CREDIT_EXPIRY_INACTIVE_DAYS: "90" },
      new Date("2026-02-01T10:00:00Z"),
    );
    const idle = await anAccount(ctx, 500);
    const buyer = await anAccount(ctx, 300);
    await postLedgerEntry(ctx, {
      userId: buyer,
      amount: 550,
      type: "purchase",
      reason: "Bought 550 credits",
      idempotencyKey: `purchase#cs_${buyer}`,
    });
    travel(60 * day);
    const active = await anAccount(ctx, 200);

    travel(31 * day);
    const report = await expireInactiveBalances(ctx);
    expect(report).toMatchObject({ enabled: true, usersExpired: 2 });
    expect((await getBalance(ctx, idle)).balance).toBe(0);
    // The 550 bought stay; the 300 given expire.
    expect((await getBalance(ctx, buyer)).balance).toBe(550);
    expect((await getBalance(ctx, active)).balance).toBe(200);
    const [entry] = (await history(ctx, idle, { type: "expiration" })).entries;
    expect(entry).toMatchObject({ amount: -500, balanceAfter: 0 });

    // Again the same day: nothing more.
    await expireInactiveBalances(ctx);
    expect((await history(ctx, buyer, { type: "expiration" })).total).toBe(1);
    expect((await getBalance(ctx, buyer)).balance).toBe(550);
    expect((await reconcile(ctx, idle)).consistent).toBe(true);
    expect((await reconcile(ctx, buyer)).consistent).toBe(true);
  });

  it("warns CREDIT_EXPIRY_WARNING_DAYS before, once, with the day and the credits at stake", async () => {
    const { ctx, travel } = await withClock(
      { CREDIT_EXPIRY_INACTIVE_DAYS: "90" },
      new Date("2026-03-01T10:00:00Z"),
    );
    const userId = await anAccount(ctx, 300);
    const warnings = async () =>
      (await listNotifications(ctx, userId, { limit: 50 })).items.filter(
        (item) => item.kind === "credits_expiring",
      );

    travel(82 * day);
    expect((await expireInactiveBalances(ctx)).usersWarned).toBe(0);
    travel(1 * day);
    expect((await expireInactiveBalances(ctx)).usersWarned).toBe(1);
    travel(1 * day);
    expect((await expireInactiveBalances(ctx)).usersWarned).toBe(0);

    const [warning, ...more] = await warnings();
    expect(more).toEqual([]);
    expect(warning).toMatchObject({
      amount: 300,
      read: false,
      createdAt: "2026-05-23T00:00:00.000Z",
    });
    expect(warning?.body).toContain("300 credits expire on 2026-05-30");
    expect(await unreadCount(ctx, userId)).toBe(1);
    // Nothing expires before the day the warning named; on it, the balance does.
    travel(5 * day);
    expect((await expireInactiveBalances(ctx)).usersExpired).toBe(0);
    travel(1 * day);
    expect((await expireInactiveBalances(ctx)).usersExpired).toBe(1);
    expect((await getBalance(ctx, userId)).balance).toBe(0);
  });
});
