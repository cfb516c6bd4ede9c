import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "packages/*/src/**/*.test.ts",
      "packages/web/e2e/**/*.test.ts",
      "infra/**/*.test.ts",
      "scripts/**/*.test.ts",
      "stacks/**/*.test.ts",
    ],
    globalSetup: ["scripts/test/global-setup.ts"],
    testTimeout: 30_000,
    // expect.poll waits for what the app does on its own time (a refetch, a
    // reload's token refresh, a deliberately slow answer): 1 s by default, which
    // a page needs more than once when four browser suites share two cores.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 60_000,
    // The global teardown reconciles every table of the run before it ends.
    teardownTimeout: 300_000,
    pool: "forks",
    // Tests assert on responses; set LOG_LEVEL=INFO to see the structured logs.
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "SILENT" },
  },
});
