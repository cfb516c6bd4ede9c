import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/errors";
import { betErrorMessage } from "./betErrors";
import { nextOddsPollMs } from "./queries";

describe("odds polling", () => {
  const at = Date.parse("2026-12-06T21:00:00.000Z");

  it.each([
    [0, 32_000],
    [10_000, 22_000],
    [27_000, 5_000],
    [29_000, 5_000],
    [31_000, 30_000],
    [95_000, 27_000],
  ])(
    "%i ms after the odds were written, reads again in %i ms (just after the next refresh)",
    (since, wait) => {
      expect(nextOddsPollMs(new Date(at).toISOString(), at + since)).toBe(Math.min(30_000, wait));
    },
  );

  it("reads every 30 s when the market has no odds time", () => {
    expect(nextOddsPollMs(null, at)).toBe(30_000);
    expect(nextOddsPollMs("not a time", at)).toBe(30_000);
  });
});

describe("betErrorMessage for moved odds", () => {
  it("names the side's new price and the one the user saw", () => {
    const error = new ApiError(409, {
      code: "ODDS_CHANGED",
      error: "moved",
      details: { side: "that", expectedOdds: 0.35, odds: 0.4 },
    } as never);

    const { text } = betErrorMessage(error, { thisOption: "Yes", thatOption: "No" });

    expect(text).toMatch(/No is now 40%/);
    expect(text).toMatch(/it was 35%/);
    expect(text).toMatch(/Nothing was placed/);
  });
});
