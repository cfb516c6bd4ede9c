/**
 * `npm run bench:bundles` is not run by CI (timings on a shared machine); this
 * keeps it working: every bundle and both cold-start floors build, and each
 * fresh process answers its first request through its bundle with a 200 (the
 * bench rejects any other status). No timing is asserted.
 */
import { describe, expect, inject, it } from "vitest";
import { benchBundles, coldStartFloors, lambdaEntries } from "./bundles";

describe("the bundle and cold-start benchmark", () => {
  it("builds every bundle and both floors, and each answers its first request", async () => {
    const report = await benchBundles({ runs: 1, dynamoEndpoint: inject("dynamoEndpoint") });

    expect(Object.keys(report.bundles).sort()).toEqual(Object.keys(lambdaEntries).sort());
    expect(report.bundles.api?.loadedAtStart).toBeLessThanOrEqual(report.targets.apiBytes);
    expect(report.firstRequest.path).toBe("/api/v1/health");
    expect(report.otherFirstRequests.map((request) => request.path)).toEqual([
      "/api/v1/config",
      "/api/v1/markets",
    ]);
    expect(Object.keys(report.floors).sort()).toEqual(Object.keys(coldStartFloors).sort());
    for (const measured of [report.firstRequest, ...Object.values(report.floors)]) {
      expect(measured.apiMs).toBeGreaterThan(0);
      expect(measured.ratio).toBeCloseTo(measured.apiMs / measured.emptyNodeMs, 1);
    }
  }, 180_000);
});
