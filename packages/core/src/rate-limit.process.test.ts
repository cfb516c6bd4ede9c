import { describe, expect, it } from "vitest";
import { ProcessWindows, type RateLimitRule } from "./rate-limit";

const rule: RateLimitRule = { name: "reads", limit: 10, windowSeconds: 60, tier: "process" };
const at = (seconds: number) => new Date(Date.UTC(2026, 11, 6, 12, 0, 0) + seconds * 1000);

describe("ProcessWindows", () => {
  it("lets `limit` hits through in a window and refuses the next, with the time left", () => {
    const windows = new ProcessWindows();
    const results = Array.from({ length: 11 }, () => windows.hit(rule, "ip:1", at(15)));

    expect(results.slice(0, 10).every((result) => result.allowed)).toBe(true);
    expect(results[9]?.remaining).toBe(0);
    expect(results[10]).toMatchObject({ allowed: false, retryAfterSeconds: 45 });
    expect(windows.hit(rule, "ip:2", at(15)).allowed).toBe(true);
  });

  it("slides: the previous window's hits weigh by how much of it still overlaps", () => {
    const windows = new ProcessWindows();
    for (let n = 0; n < 10; n++) windows.hit(rule, "ip:1", at(30));

    // 15 s into the next window, three quarters of the previous one overlap: 7 hits count.
    const next = Array.from({ length: 4 }, () => windows.hit(rule, "ip:1", at(75)));
    expect(next.map((result) => result.allowed)).toEqual([true, true, true, false]);
    // A whole window later nothing of the burst is left.
    expect(windows.hit(rule, "ip:1", at(180)).remaining).toBe(9);
  });

  it("never lets more than the limit through in any window-long span", () => {
    const windows = new ProcessWindows();
    const allowedAt: number[] = [];
    for (let second = 0; second < 600; second += 1.5) {
      if (windows.hit(rule, "ip:1", at(second)).allowed) allowedAt.push(second);
    }
    for (const start of allowedAt) {
      const inSpan = allowedAt.filter((second) => second >= start && second < start + 60);
      expect(inSpan.length).toBeLessThanOrEqual(rule.limit);
    }
  });
});
