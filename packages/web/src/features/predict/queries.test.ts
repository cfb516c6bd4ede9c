import { describe, expect, it } from "vitest";
import { backedOff } from "./queries";

describe("session polling", () => {
  it("backs off from half a second, doubling, to the API's interval", () => {
    const pollMs = 3000;
    expect([1, 2, 3, 4, 5, 10].map((reads) => backedOff(reads, pollMs))).toEqual([
      500, 1000, 2000, 3000, 3000, 3000,
    ]);
    expect(backedOff(0, pollMs)).toBe(500);
    expect(backedOff(1, 200)).toBe(200);
  });
});
