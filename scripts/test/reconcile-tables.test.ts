import { serviceFor } from "@market/core";
import { getBalance } from "@market/core/ledger";
import { afterEach, describe, expect, inject, it } from "vitest";
import { createTestContext, userWithBalance } from "../../packages/core/src/test-support";
import { reconcileLedgers } from "./global-setup";
import { describeChecks, markLedgerCorruptedOnPurpose, reconcileTables } from "./reconcile-tables";

const endpoint = () => inject("dynamoEndpoint");
const started = new Date();

/** A table with two clean users and one whose balance was moved behind the ledger's back. */
async function aCorruptedTable() {
  const ctx = await createTestContext();
  const [clean, victim] = await Promise.all([userWithBalance(ctx, 100), userWithBalance(ctx, 250)]);
  const { balance } = await getBalance(ctx, victim);
  const users = serviceFor(ctx.db).entities.user;
  await users.patch({ userId: victim }).set({ balance: 999 }).go();
  const restore = () => users.patch({ userId: victim }).set({ balance }).go();
  return { ctx, clean, victim, restore };
}

afterEach(() => {
  // `reconcileLedgers` sets the exit code of the process it runs in: this worker, here.
  process.exitCode = undefined;
});

describe("the ledger check at the end of the test run", () => {
  it("names the table and the user whose ledger a test left wrong, and fails", async () => {
    const { ctx, victim, clean, restore } = await aCorruptedTable();
    try {
      const checks = await reconcileTables(endpoint(), started, [ctx.db.table]);
      const { failed, text } = describeChecks(checks);

      expect(checks).toEqual([
        {
          table: ctx.db.table,
          users: 2,
          differences: [expect.objectContaining({ userId: victim, kind: "balance_mismatch" })],
        },
      ]);
      expect(failed).toBe(true);
      expect(text).toContain(ctx.db.table);
      expect(text).toContain(`user ${victim}: balance_mismatch`);
      expect(text).not.toContain(clean);
    } finally {
      // Put right, so the run's own check at the end finds this table clean.
      await restore();
    }
    expect(describeChecks(await reconcileTables(endpoint(), started, [ctx.db.table])).failed).toBe(
      false,
    );
  });

  it("sets a failing exit code and throws, which is what fails `vitest run`", async () => {
    const { ctx, restore } = await aCorruptedTable();
    try {
      await expect(reconcileLedgers(endpoint(), started, [ctx.db.table])).rejects.toThrow(
        /balance_mismatch/,
      );
      expect(process.exitCode).toBe(1);
    } finally {
      await restore();
    }
  });

  it("skips a table marked as corrupted on purpose, saying why", async () => {
    const { ctx } = await aCorruptedTable();
    // Left wrong for good: the marker is what keeps the run's check from failing.
    await markLedgerCorruptedOnPurpose(ctx.db, "this test leaves a balance wrong on purpose");

    const checks = await reconcileTables(endpoint(), started, [ctx.db.table]);
    const { failed, text } = describeChecks(checks);

    expect(checks[0]).toMatchObject({ skipped: "this test leaves a balance wrong on purpose" });
    expect(failed).toBe(false);
    expect(text).toContain(`skipped ${ctx.db.table}: this test leaves a balance wrong on purpose`);
  });
});
