import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { createTestApp } from "./test-support/app";

const root = resolve(import.meta.dirname, "../../..");
const redocly = join(root, "node_modules/@redocly/cli/bin/cli.js");

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; message: string; location: { pointer: string }[] }[];
}

/** `redocly lint` of `document` with the repo's redocly.yaml (the recommended rules). */
async function lint(document: unknown): Promise<LintReport> {
  const file = join(mkdtempSync(join(tmpdir(), "openapi-lint-")), "openapi.json");
  writeFileSync(file, JSON.stringify(document, null, 2));
  const run = promisify(execFile)(
    process.execPath,
    [redocly, "lint", file, "--config", join(root, "redocly.yaml"), "--format", "json"],
    // No telemetry or update check: the run reaches no network.
    { env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } },
  );
  // Problems make the CLI exit non-zero; the report is on stdout either way.
  const { stdout } = await run.catch((error: { stdout?: string }) => ({
    stdout: error.stdout ?? "",
  }));
  return JSON.parse(stdout) as LintReport;
}

interface Operation {
  operationId?: string;
  security?: unknown[];
  responses: Record<string, unknown>;
}

async function openApiDocument() {
  const { app } = await createTestApp();
  const response = await app.request("/api/v1/openapi.json");
  return (await response.json()) as { paths: Record<string, Record<string, Operation>> };
}

describe("the OpenAPI document", () => {
  it("passes redocly lint with no error and no warning", async () => {
    const report = await lint(await openApiDocument());

    const problems = report.problems.map(
      (problem) => `${problem.ruleId} at ${problem.location[0]?.pointer}: ${problem.message}`,
    );
    expect(problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });

  it("documents 429 where a limit applies, 401 where a token is read, 413 where a body is, and no token for public reads", async () => {
    const { paths } = await openApiDocument();
    const operation = (method: string, path: string) => paths[`/api/v1${path}`]?.[method];

    // Per-IP limits on public routes, the per-user limit under every token guard.
    for (const [method, path] of [
      ["post", "/auth/register"],
      ["get", "/markets"],
      ["get", "/markets/{marketId}"],
      ["get", "/users/me"],
      ["get", "/admin/audit"],
    ] as const) {
      expect(Object.keys(operation(method, path)?.responses ?? {}), path).toContain("429");
    }
    // A public route that reads a token when one is sent (optionalUser) can refuse it.
    expect(Object.keys(operation("get", "/users/{userId}")?.responses ?? {})).toEqual(
      expect.arrayContaining(["401", "429"]),
    );
    // Refresh counts no limit of its own and reads no access token.
    expect(Object.keys(operation("post", "/auth/refresh")?.responses ?? {})).not.toContain("429");
    // The body limit of every path, on each operation that takes a body.
    expect(Object.keys(operation("post", "/bets")?.responses ?? {})).toContain("413");
    expect(Object.keys(operation("get", "/markets")?.responses ?? {})).not.toContain("413");
    expect(operation("get", "/markets")?.security).toEqual([]);
    expect(operation("post", "/bets")?.security).toEqual([{ bearerAuth: [] }]);
  });

  it("names every operation once", async () => {
    const { paths } = await openApiDocument();
    const ids = Object.values(paths).flatMap((operations) =>
      Object.values(operations).map((operation) => operation.operationId),
    );

    expect(ids.every((id) => id && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(["placeBet", "listMarkets", "claimDailyReward"]));
  });
});
