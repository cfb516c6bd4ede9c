import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { CoreContext } from "../context";
import { BalanceCapExceeded, InsufficientBalance } from "../errors";
import { fromCents, toCents } from "../money";
import { createTestContext, userWithBalance } from "../test-support";
import { consume, grant, refund } from "./operations";
import type { LedgerPosting } from "./post";
import { getBalance } from "./read";
import { reconcile } from "./reconcile";

const cap = 1_000;
let ctx: CoreContext;

beforeAll(async () => {
  // A low cap so random grants actually run into it.
  ctx = await createTestContext({ BALANCE_CAP: String(cap) });
});

const operation = fc.record({
  user: fc.nat({ max: 2 }),
  kind: fc.constantFrom("grant", "consume", "refund"),
  cents: fc.integer({ min: 1, max: 40_000 }),
  /** Operations sharing a key number replay each other. */
  key: fc.nat({ max: 40 }),
});

describe("ledger invariants under concurrent random operations", () => {
  it("keeps balance = sum of entries, 0 <= balance <= cap and a consistent chain", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: cap * 100 }), { minLength: 3, maxLength: 3 }),
        fc.array(operation, { minLength: 1, maxLength: 40 }),
        async (openingCents, operations) => {
          const users = await Promise.all(
            openingCents.map((cents) => userWithBalance(ctx, fromCents(cents))),
          );
          const run = `${users[0]}`;

          const outcomes = await Promise.allSettled(
            operations.map((op) => {
              const userId = users[op.user] as string;
              const input = {
                userId,
                amount: fromCents(op.cents),
                reason: "property",
                // Same key, same user, same kind and amount: a true replay.
                idempotencyKey: `${run}#${op.user}#${op.kind}#${op.cents}#${op.key}`,
              };
              if (op.kind === "grant") return grant(ctx, { ...input, type: "admin_grant" });
              if (op.kind === "consume") return consume(ctx, { ...input, type: "bet_placed" });
              return refund(ctx, { ...input, type: "bet_refund" });
            }),
          );

          for (const outcome of outcomes) {
            if (outcome.status === "rejected") {
              expect([InsufficientBalance, BalanceCapExceeded]).toContainEqual(
                outcome.reason.constructor,
              );
            }
          }
          const applied = new Map<string, LedgerPosting>();
          for (const outcome of outcomes) {
            if (outcome.status === "fulfilled") applied.set(outcome.value.entryId, outcome.value);
          }

          for (const [index, userId] of users.entries()) {
            const audit = await reconcile(ctx, userId);
            const { balance } = await getBalance(ctx, userId);
            const movedCents = [...applied.values()]
              .filter((posting) => posting.userId === userId)
              .reduce((sum, posting) => sum + toCents(posting.amount), 0);

            expect(audit.consistent, JSON.stringify(audit)).toBe(true);
            expect(balance).toBeGreaterThanOrEqual(0);
            expect(balance).toBeLessThanOrEqual(cap);
            expect(toCents(balance)).toBe((openingCents[index] as number) + movedCents);
          }
        },
      ),
      { numRuns: 12 },
    );
  }, 240_000);
});
