import { describe, expect, it } from "vitest";
import {
  cancellationReasons,
  conditionFailed,
  ignoreConditionFailed,
  isConditionFailed,
  TransactionCancelled,
  writeRetryingConflicts,
} from "./conditions";
import { serviceFor } from "./service";
import { createTestContext } from "./test-support";

describe("reading DynamoDB's refusals", () => {
  it("recognises a failed condition as ElectroDB throws it, and nothing else", async () => {
    const ctx = await createTestContext();
    const { entities } = serviceFor(ctx.db);
    const lease = { job: "j", holder: "a", expiresAt: 1, ttl: 1 };
    await entities.jobLease.put(lease).go();

    const refused = await entities.jobLease
      .put(lease)
      .where((item, { notExists }) => notExists(item.job))
      .go()
      .then(
        () => undefined,
        (error: unknown) => error,
      );

    expect(isConditionFailed(refused)).toBe(true);
    expect(() => ignoreConditionFailed(refused)).not.toThrow();
    const other = new Error("The conditional request failed (but is not one)");
    expect(isConditionFailed(other)).toBe(false);
    expect(() => ignoreConditionFailed(other)).toThrow(other);
  });

  it("reads a cancelled transaction's reasons per item, in the order written", async () => {
    const ctx = await createTestContext();
    const service = serviceFor(ctx.db);
    await service.entities.jobLease.put({ job: "taken", holder: "a", expiresAt: 1, ttl: 1 }).go();

    const result = await service.transaction
      .write(({ jobLease }) => [
        jobLease.create({ job: "free", holder: "b", expiresAt: 1, ttl: 1 }).commit(),
        jobLease.create({ job: "taken", holder: "b", expiresAt: 1, ttl: 1 }).commit(),
      ])
      .go();

    const reasons = cancellationReasons(result);
    expect(reasons.map((reason) => reason.code)).toEqual(["None", conditionFailed]);
    expect(new TransactionCancelled("Test", reasons).message).toBe(
      "Test cancelled: None, ConditionalCheckFailed",
    );
  });
});

/**
 * DynamoDB Local runs transactions one at a time and never reports a
 * TransactionConflict (tried: 40 concurrent transactions on one item all
 * commit), so the retry is shown here on the results AWS DynamoDB gives.
 */
describe("writeRetryingConflicts", () => {
  const conflict = {
    canceled: true,
    data: [{ code: "None" }, { code: "TransactionConflict" }],
  };
  const committed = { canceled: false, data: [] };
  const refused = { canceled: true, data: [{ code: conditionFailed }, { code: "None" }] };

  it("builds and sends the transaction again while it only meets conflicts", async () => {
    const results = [conflict, conflict, committed];
    let attempts = 0;

    const result = await writeRetryingConflicts(async () => results[attempts++] ?? committed);

    expect(result).toBe(committed);
    expect(attempts).toBe(3);
  });

  it("returns a failed condition at once, for the caller to read", async () => {
    let attempts = 0;

    const result = await writeRetryingConflicts(async () => {
      attempts += 1;
      return refused;
    });

    expect(result).toBe(refused);
    expect(attempts).toBe(1);
  });

  it("gives up after its tries and returns the last conflict", async () => {
    let attempts = 0;

    const result = await writeRetryingConflicts(async () => {
      attempts += 1;
      return conflict;
    }, 3);

    expect(result).toBe(conflict);
    expect(attempts).toBe(3);
  });
});
