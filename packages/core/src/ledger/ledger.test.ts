import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { CoreContext } from "../context";
import {
  BalanceCapExceeded,
  IdempotencyKeyReused,
  InsufficientBalance,
  InvalidAmount,
  UserNotFound,
  ValidationFailed,
} from "../errors";
import { serviceFor } from "../service";
import { createTestContext, userWithBalance } from "../test-support";
import { AccountExists } from "./errors";
import { onLedgerPosting } from "./observers";
import { openAccount } from "./open-account";
import { consume, grant, refund } from "./operations";
import { type LedgerPosting, postLedgerEntry } from "./post";
import { getBalance, history } from "./read";
import { reconcile } from "./reconcile";

let ctx: CoreContext;

beforeAll(async () => {
  // The ledger alone: no derived numbers read, so no stream (200 racing writers
  // on DynamoDB Local go faster without one).
  ctx = await createTestContext({}, { stream: false });
});

const key = () => `test#${randomUUID()}`;

async function countEntries(userId: string): Promise<number> {
  const { data } = await serviceFor(ctx.db)
    .entities.ledgerEntry.query.byUser({ userId })
    .go({ pages: "all", consistent: true });
  return data.length;
}

describe("openAccount", () => {
  it("writes the opening grant as the first ledger entry", async () => {
    const userId = await userWithBalance(ctx, 1000);

    const { balance } = await getBalance(ctx, userId);
    const page = await history(ctx, userId);

    expect(balance).toBe(1000);
    expect(page.entries).toHaveLength(1);
    expect(page.entries[0]).toMatchObject({ seq: 1, amount: 1000, balanceAfter: 1000 });
  });

  it("tells the credit-movement observers (logs, metrics) of the opening grant, once", async () => {
    const seen: LedgerPosting[] = [];
    const stop = onLedgerPosting((posting) => seen.push(posting));
    try {
      const userId = await userWithBalance(ctx, 1000);

      expect(seen.filter((posting) => posting.userId === userId)).toEqual([
        expect.objectContaining({ type: "admin_grant", amount: 1000, seq: 1, replayed: false }),
      ]);
    } finally {
      stop();
    }
  });

  it("refuses a second account with the same id and leaves the first untouched", async () => {
    const userId = await userWithBalance(ctx, 50);

    await expect(
      openAccount(ctx, {
        userId,
        openingGrant: { amount: 999, type: "signup_bonus", reason: "again" },
      }),
    ).rejects.toBeInstanceOf(AccountExists);

    expect((await getBalance(ctx, userId)).balance).toBe(50);
    expect(await countEntries(userId)).toBe(1);
  });
});

describe("grant, consume and refund", () => {
  it("moves the balance and chains balanceAfter", async () => {
    const userId = await userWithBalance(ctx, 100);

    const charged = await consume(ctx, {
      userId,
      amount: 30.25,
      type: "prediction_charge",
      reason: "session",
      idempotencyKey: key(),
    });
    const refunded = await refund(ctx, {
      userId,
      amount: 30.25,
      type: "prediction_refund",
      reason: "session failed",
      idempotencyKey: key(),
    });
    const granted = await grant(ctx, {
      userId,
      amount: 0.1,
      type: "daily_reward",
      reason: "daily",
      idempotencyKey: key(),
    });

    expect(charged).toMatchObject({ amount: -30.25, balanceAfter: 69.75, seq: 2, replayed: false });
    expect(refunded).toMatchObject({ amount: 30.25, balanceAfter: 100, seq: 3 });
    expect(granted).toMatchObject({ amount: 0.1, balanceAfter: 100.1, seq: 4 });
    expect((await getBalance(ctx, userId)).balance).toBe(100.1);
    expect((await reconcile(ctx, userId)).consistent).toBe(true);
  });

  it("refuses a debit larger than the balance and writes nothing", async () => {
    const userId = await userWithBalance(ctx, 10);

    const attempt = consume(ctx, {
      userId,
      amount: 10.01,
      type: "bet_placed",
      reason: "bet",
      idempotencyKey: key(),
    });

    await expect(attempt).rejects.toBeInstanceOf(InsufficientBalance);
    await expect(attempt).rejects.toMatchObject({ code: "INSUFFICIENT_BALANCE" });
    expect((await getBalance(ctx, userId)).balance).toBe(10);
    expect(await countEntries(userId)).toBe(1);
  });

  it("refuses a credit above the balance cap and writes nothing", async () => {
    const small = await createTestContext({ BALANCE_CAP: "500" });
    const userId = await userWithBalance(small, 400);

    await expect(
      grant(small, {
        userId,
        amount: 100.01,
        type: "admin_grant",
        reason: "too much",
        idempotencyKey: key(),
      }),
    ).rejects.toBeInstanceOf(BalanceCapExceeded);

    const exact = await grant(small, {
      userId,
      amount: 100,
      type: "admin_grant",
      reason: "up to the cap",
      idempotencyKey: key(),
    });
    expect(exact.balanceAfter).toBe(500);
    expect((await reconcile(small, userId)).entries).toBe(2);
  });

  it.each([
    ["negative", -5],
    ["zero", 0],
    ["three decimals", 1.005],
    ["NaN", Number.NaN],
    ["infinity", Number.POSITIVE_INFINITY],
    ["larger than the cap", 1_000_001],
    ["a huge number", 1e300],
  ])("refuses a %s amount with InvalidAmount and no write", async (_label, amount) => {
    const userId = await userWithBalance(ctx, 100);

    for (const operation of [
      () => grant(ctx, { userId, amount, type: "admin_grant", reason: "x", idempotencyKey: key() }),
      () =>
        consume(ctx, { userId, amount, type: "bet_placed", reason: "x", idempotencyKey: key() }),
      () => refund(ctx, { userId, amount, type: "bet_refund", reason: "x", idempotencyKey: key() }),
    ]) {
      await expect(operation()).rejects.toBeInstanceOf(InvalidAmount);
    }

    expect((await getBalance(ctx, userId)).balance).toBe(100);
    expect(await countEntries(userId)).toBe(1);
  });

  it("refuses an amount that is not a number at all", async () => {
    const userId = await userWithBalance(ctx, 100);
    const amount = "5" as unknown as number;

    await expect(
      postLedgerEntry(ctx, {
        userId,
        amount,
        type: "admin_grant",
        reason: "x",
        idempotencyKey: key(),
      }),
    ).rejects.toBeInstanceOf(InvalidAmount);
    expect(await countEntries(userId)).toBe(1);
  });

  it("refuses an entry type that moves credits the other way", async () => {
    const userId = await userWithBalance(ctx, 100);

    await expect(
      grant(ctx, { userId, amount: 5, type: "bet_placed", reason: "x", idempotencyKey: key() }),
    ).rejects.toBeInstanceOf(ValidationFailed);
    await expect(
      consume(ctx, { userId, amount: 5, type: "daily_reward", reason: "x", idempotencyKey: key() }),
    ).rejects.toBeInstanceOf(ValidationFailed);
    expect(await countEntries(userId)).toBe(1);
  });

  it.each([
    ["grant", () => grant],
    ["consume", () => consume],
  ] as const)("%s on an unknown user is UserNotFound and writes nothing", async (_name, pick) => {
    const userId = `ghost-${randomUUID()}`;
    const idempotencyKey = key();
    const type = _name === "grant" ? "admin_grant" : "bet_placed";

    await expect(
      pick()(ctx, { userId, amount: 5, type, reason: "x", idempotencyKey }),
    ).rejects.toBeInstanceOf(UserNotFound);

    const { data } = await serviceFor(ctx.db)
      .entities.idempotencyKey.get({ key: idempotencyKey })
      .go();
    expect(data).toBeNull();
    await expect(getBalance(ctx, userId)).rejects.toBeInstanceOf(UserNotFound);
  });
});

describe("idempotency", () => {
  it.each([
    ["grant", "admin_grant", 25],
    ["consume", "prediction_charge", -25],
    ["refund", "prediction_refund", 25],
  ] as const)(
    "a replayed %s returns the first result and writes nothing",
    async (_name, type, amount) => {
      const userId = await userWithBalance(ctx, 100);
      const idempotencyKey = `${type}#${randomUUID()}`;
      const input = { userId, amount, type, reason: "replay", idempotencyKey };

      const first = await postLedgerEntry(ctx, input);
      const second = await postLedgerEntry(ctx, input);

      expect(second).toEqual({ ...first, replayed: true });
      expect((await getBalance(ctx, userId)).balance).toBe(100 + amount);
      expect(await countEntries(userId)).toBe(2);
    },
  );

  it("replays concurrent calls with one key into a single movement", async () => {
    const userId = await userWithBalance(ctx, 100);
    const idempotencyKey = key();

    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        refund(ctx, { userId, amount: 7, type: "bet_refund", reason: "race", idempotencyKey }),
      ),
    );

    expect(new Set(results.map((result) => result.entryId)).size).toBe(1);
    expect(results.filter((result) => !result.replayed)).toHaveLength(1);
    expect((await getBalance(ctx, userId)).balance).toBe(107);
    expect(await countEntries(userId)).toBe(2);
  });

  it("answers a replayed debit with its first result even when the balance no longer covers it", async () => {
    const userId = await userWithBalance(ctx, 10);
    const input = {
      userId,
      amount: 10,
      type: "bet_placed" as const,
      reason: "bet",
      idempotencyKey: key(),
    };

    const first = await consume(ctx, input);
    const replay = await consume(ctx, input);

    expect(replay).toEqual({ ...first, replayed: true });
    expect((await getBalance(ctx, userId)).balance).toBe(0);
  });

  it("refuses the same key for a different amount and writes nothing", async () => {
    const userId = await userWithBalance(ctx, 100);
    const idempotencyKey = key();
    await grant(ctx, { userId, amount: 5, type: "admin_grant", reason: "x", idempotencyKey });

    await expect(
      grant(ctx, { userId, amount: 6, type: "admin_grant", reason: "x", idempotencyKey }),
    ).rejects.toBeInstanceOf(IdempotencyKeyReused);
    expect((await getBalance(ctx, userId)).balance).toBe(105);
    expect(await countEntries(userId)).toBe(2);
  });
});

describe("concurrency", () => {
  it("lets exactly 100 of 200 concurrent consume(1) through on a balance of 100", async () => {
    const userId = await userWithBalance(ctx, 100);

    const outcomes = await Promise.allSettled(
      Array.from({ length: 200 }, (_, index) =>
        consume(ctx, {
          userId,
          amount: 1,
          type: "bet_placed",
          reason: "race",
          idempotencyKey: `race#${userId}#${index}`,
        }),
      ),
    );

    const succeeded = outcomes.filter((outcome) => outcome.status === "fulfilled");
    const refused = outcomes.filter((outcome) => outcome.status === "rejected");
    expect(succeeded).toHaveLength(100);
    for (const outcome of refused) expect(outcome.reason).toBeInstanceOf(InsufficientBalance);
    expect((await getBalance(ctx, userId)).balance).toBe(0);
    const debits = await history(ctx, userId, { type: "bet_placed", limit: 200 });
    expect(debits.entries).toHaveLength(100);
    expect(debits.cursor).toBeNull();
    const audit = await reconcile(ctx, userId);
    expect(audit).toMatchObject({ consistent: true, entries: 101, balance: 0, sumOfEntries: 0 });
  }, 120_000);
});

describe("history", () => {
  it("pages newest first and filters by type", async () => {
    const userId = await userWithBalance(ctx, 100);
    for (let index = 0; index < 5; index++) {
      await consume(ctx, {
        userId,
        amount: 1,
        type: "bet_placed",
        reason: `bet ${index}`,
        idempotencyKey: key(),
      });
      await grant(ctx, {
        userId,
        amount: 2,
        type: "daily_reward",
        reason: `day ${index}`,
        idempotencyKey: key(),
      });
    }

    const first = await history(ctx, userId, { limit: 4 });
    const second = await history(ctx, userId, { limit: 4, cursor: first.cursor });
    const third = await history(ctx, userId, { limit: 4, cursor: second.cursor });
    const rewards = await history(ctx, userId, { type: "daily_reward" });

    const seqs = [...first.entries, ...second.entries, ...third.entries].map((entry) => entry.seq);
    expect(seqs).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(third.cursor).toBeNull();
    expect(rewards.entries.map((entry) => entry.type)).toEqual(Array(5).fill("daily_reward"));
    expect(rewards.entries[0]?.balanceAfter).toBe(105);
  });

  it.each([0, 201, 1.5])("refuses limit %s", async (limit) => {
    await expect(history(ctx, "anyone", { limit })).rejects.toBeInstanceOf(ValidationFailed);
  });

  it("refuses a cursor it did not issue", async () => {
    await expect(history(ctx, "anyone", { cursor: "not-a-cursor" })).rejects.toBeInstanceOf(
      ValidationFailed,
    );
  });
});
