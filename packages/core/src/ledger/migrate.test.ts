import { randomUUID } from "node:crypto";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import type { CoreContext } from "../context";
import { serviceFor } from "../service";
import { createTestContext, userWithBalance } from "../test-support";
import { migrateCredits } from "./migrate";
import { openAccount } from "./open-account";
import { getBalance, history } from "./read";
import { reconcileAll } from "./reconcile-all";

let ctx: CoreContext;
let withoutCredits: string;
let legacy: string;
let funded: string;

beforeAll(async () => {
  ctx = await createTestContext();
  withoutCredits = `user-${randomUUID()}`;
  await openAccount(ctx, { userId: withoutCredits });
  // An account from before credits: no balance, no ledgerSeq at all.
  legacy = `user-${randomUUID()}`;
  const { Item } = serviceFor(ctx.db)
    .entities.user.create({ userId: legacy, createdAt: "2024-01-01T00:00:00.000Z", updatedAt: "x" })
    .params() as { Item: Record<string, unknown> };
  const { balance: _b, ledgerSeq: _s, creditsEarned: _e, creditsSpent: _p, ...old } = Item;
  await ctx.db.client.send(new PutCommand({ TableName: ctx.db.table, Item: old }));
  funded = await userWithBalance(ctx, 700);
});

describe("migrateCredits", () => {
  it("on a dry run lists the accounts it would grant and writes nothing", async () => {
    const progress: number[] = [];

    const report = await migrateCredits(ctx, {
      dryRun: true,
      onProgress: (p) => progress.push(p.scannedUsers),
    });

    expect(report).toMatchObject({ dryRun: true, amount: 50, eligible: 2, granted: 0 });
    expect(report.userIds.sort()).toEqual([withoutCredits, legacy].sort());
    expect(progress.length).toBeGreaterThan(0);
    expect(await getBalance(ctx, withoutCredits)).toEqual({ balance: 0, entries: 0 });
    const { data } = await serviceFor(ctx.db).entities.user.get({ userId: legacy }).go();
    expect(data?.balance).toBeUndefined();
  });

  it("grants each account once over two runs, and two runs at once", async () => {
    const [first, concurrent] = await Promise.all([migrateCredits(ctx), migrateCredits(ctx)]);
    const again = await migrateCredits(ctx);

    expect(first.granted + concurrent.granted).toBe(2);
    expect(again).toMatchObject({ eligible: 0, granted: 0 });
    for (const userId of [withoutCredits, legacy]) {
      expect(await getBalance(ctx, userId)).toEqual({ balance: 50, entries: 1 });
      expect((await history(ctx, userId)).entries).toEqual([
        expect.objectContaining({ type: "migration_grant", amount: 50, balanceAfter: 50 }),
      ]);
    }
    expect((await getBalance(ctx, funded)).balance).toBe(700);
    expect((await reconcileAll(ctx)).differences).toEqual([]);
  });
});
