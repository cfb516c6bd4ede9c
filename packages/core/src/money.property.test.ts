import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidAmount } from "./errors";
import { amountInCents, fromCents } from "./money";

const max = 1_000_000;

describe("amountInCents over arbitrary JSON numbers", () => {
  it("accepts exactly the numbers that are a whole number of cents, and returns those cents", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        // What a client can send: the number as JSON text, parsed back.
        const amount = JSON.parse(JSON.stringify(value)) as number;
        let cents: number | undefined;
        try {
          cents = amountInCents(amount, max);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidAmount);
        }
        const wholeCents = amount > 0 && amount <= max && /^\d+(\.\d{1,2})?$/.test(String(amount));
        if (wholeCents) {
          expect(Number.isSafeInteger(cents)).toBe(true);
          expect(fromCents(cents as number)).toBe(amount);
        } else {
          expect(cents).toBeUndefined();
        }
      }),
      { numRuns: 5_000 },
    );
  });

  it("accepts every whole number of cents in range", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: max * 100 }), (cents) => {
        expect(amountInCents(JSON.parse(String(fromCents(cents))), max)).toBe(cents);
      }),
    );
  });

  it.each([10.000000001, 5.000000001, 0.001, 0.015, 1e-7])("refuses %s", (amount) => {
    expect(() => amountInCents(amount, max)).toThrow(InvalidAmount);
  });
});
