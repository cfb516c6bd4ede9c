import { describe, expect, it } from "vitest";
import { streakAfter, streakAt, streakWindowMs } from "./rules";

const last = new Date("2026-03-01T08:00:00.000Z");
const after = (ms: number) => new Date(last.getTime() + ms);

describe("the streak window", () => {
  it.each([
    ["no claim yet", null, after(0), 0, 1],
    ["a claim a minute ago", last, after(60_000), 4, 5],
    ["a claim exactly the window ago", last, after(streakWindowMs), 4, 5],
    ["a claim a millisecond past the window", last, after(streakWindowMs + 1), 0, 1],
  ])(
    "with %s, a profile reads the streak the next claim continues",
    (_label, previous, now, reads, next) => {
      expect(streakAt(previous, 4, now)).toBe(reads);
      expect(streakAfter(previous, 4, now)).toBe(next);
    },
  );

  it("reads an ISO time as the Date it names", () => {
    expect(streakAt(last.toISOString(), 3, after(streakWindowMs))).toBe(3);
    expect(streakAt(last.toISOString(), 3, after(streakWindowMs + 1))).toBe(0);
  });
});
