import { describe, expect, it } from "vitest";
import {
  cancellationReasons,
  conditionFailed,
  ignoreConditionFailed,
  isConditionFailed,
  TransactionCancelled,
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
