import { describe, expect, it } from "vitest";
import { formatDuration } from "./format";

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;

describe("formatDuration", () => {
  it("reads a wait under two days in hours, longer ones in days", () => {
    expect(formatDuration(24 * hour)).toBe("24 h");
    expect(formatDuration(24 * hour + 5 * second)).toBe("24 h");
    expect(formatDuration(23 * hour + 59 * minute)).toBe("23 h 59 min");
    expect(formatDuration(47 * hour + 30 * minute)).toBe("47 h 30 min");
    expect(formatDuration(48 * hour)).toBe("2 d");
    expect(formatDuration(3 * 24 * hour + 4 * hour)).toBe("3 d 4 h");
  });

  it("shows minutes and seconds under an hour, never a negative wait", () => {
    expect(formatDuration(5 * minute + 7 * second)).toBe("5 min 7 s");
    expect(formatDuration(45 * second)).toBe("45 s");
    expect(formatDuration(-3 * second)).toBe("0 s");
  });
});
