import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { CoreContext } from "../context";
import { BalanceCapExceeded, UserNotFound } from "../errors";
import { serviceFor } from "../service";
import { createTestContext, userWithBalance } from "../test-support";
import { type BatchMovement, postLedgerBatch } from "./post-batch";
import { history } from "./read";
import { reconcile } from "./reconcile";

let ctx: CoreContext;

beforeAll(async () => {
  ctx = await createTestContext();
});

/** A grant of `amount` to `userId`, once: its guard claims a key of its own. */
function grant(userId: string, amount: number): BatchMovement {
  const id = `test-grant#${randomUUID()}`;
  return {
    id,
    userId,
    entry: {
      amount,
      type: "admin_grant",
      reason: "batch test",
      referenceId: id,
      idempotencyKey: id,
    },
    guard: (entities, entry) =>
      entities.idempotencyKey
        .create({
          key: id,
          userId,
          amount,
          type: "admin_grant",
          seq: entry?.seq ?? 0,
          entryId: entry?.entryId ?? "",
          createdAt: entry?.createdAt ?? "",
        })
        .commit(),
  };
}

describe("postLedgerBatch", () => {
  it("spreads one user's movements over transactions when they outgrow one, the chain unbroken", async () => {
    const [alice, bob] = [await userWithBalance(ctx, 100), await userWithBalance(ctx, 100)];
    const movements = [
      ...[1, 2, 3, 4, 5].map((n) => grant(alice as string, n)),
      grant(bob as string, 7),
    ];

    // 5 items a transaction: a user update and two movements (entry + guard) at most.
    const outcomes = await postLedgerBatch(ctx, movements, { maxItems: 5 });
    const again = await postLedgerBatch(ctx, movements, { maxItems: 5 });

    expect([...outcomes.values()].map((outcome) => outcome.kind)).toEqual(Array(6).fill("posted"));
    expect([...again.values()].map((outcome) => outcome.kind)).toEqual(
      Array(6).fill("already done"),
    );
    const { entries } = await history(ctx, alice as string, { limit: 5 });
    expect(entries.map((entry) => [entry.seq, entry.amount, entry.balanceAfter])).toEqual([
      [6, 5, 115],
      [5, 4, 110],
      [4, 3, 106],
      [3, 2, 103],
      [2, 1, 101],
    ]);
    const { data: user } = await serviceFor(ctx.db)
      .entities.user.get({ userId: alice as string })
      .go({ consistent: true });
    expect(user).toMatchObject({ balance: 115, ledgerSeq: 6, entries_admin_grant: 6 });
    expect((await reconcile(ctx, alice as string)).consistent).toBe(true);
    expect((await reconcile(ctx, bob as string)).consistent).toBe(true);
  });

  it("refuses the movements of a user who does not exist, with or without an entry", async () => {
    const ghost = `user-${randomUUID()}`;
    const totalsOnly = { ...grant(ghost, 1), entry: undefined, userTotals: { pnl: -1 } };
    const credit = grant(`user-${randomUUID()}`, 1);

    const outcomes = await postLedgerBatch(ctx, [totalsOnly, credit]);

    expect(outcomes.get(totalsOnly.id)).toMatchObject({
      kind: "refused",
      error: expect.any(UserNotFound),
    });
    expect(outcomes.get(credit.id)).toMatchObject({
      kind: "refused",
      error: expect.any(UserNotFound),
    });
  });

  it("refuses a movement past the balance cap and posts the others", async () => {
    const userId = await userWithBalance(ctx, ctx.config.BALANCE_CAP - 5);
    const movements = [grant(userId, 10), grant(userId, 5)];

    const outcomes = await postLedgerBatch(ctx, movements);

    expect(outcomes.get(movements[0]?.id as string)).toMatchObject({
      kind: "refused",
      error: expect.any(BalanceCapExceeded),
    });
    expect(outcomes.get(movements[1]?.id as string)?.kind).toBe("posted");
    expect((await reconcile(ctx, userId)).consistent).toBe(true);
  });
});
