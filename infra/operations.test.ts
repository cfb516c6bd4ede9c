import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { appMetricNames } from "./operations";

const functionsSource = new URL("../packages/functions/src/", import.meta.url).pathname;

/** Every non-test source file of the functions package, read whole. */
function sources(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")
      ? [readFileSync(path, "utf8")]
      : [];
  });
}

describe("the app metrics the alarms and the dashboard watch", () => {
  const emitted = sources(functionsSource).join("\n");

  // An alarm on a metric nobody emits never fires: each name is written where it is emitted.
  it.each(Object.entries(appMetricNames))("%s (%s) is emitted by the functions", (_, name) => {
    expect(emitted).toMatch(new RegExp(`(addMetric|jobCountMetric)\\(\\s*"${name}"`));
  });
});
