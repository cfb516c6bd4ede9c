/**
 * Every Lambda entry point, bundled exactly as a deploy bundles it
 * (infra/bundling.ts), loaded in a fresh Node process configured as in AWS and
 * called with the event its trigger sends: API Gateway (HTTP API v2),
 * EventBridge schedules, the Step Functions status-change rule, and the
 * workflows' task inputs. DynamoDB is the test run's DynamoDB Local; Step
 * Functions is a loopback fake that records StartExecution.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import type { Db } from "@market/core/db";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildLambdaBundle } from "../infra/bundling";
import { routeGroups } from "../packages/functions/src/routes/groups";
import { lambdaEntries } from "../scripts/bench/bundles";
import {
  executionStatusChangeEvent,
  httpApiEvent,
  scheduledEvent,
} from "../scripts/lib/lambda-events";
import { repoRoot } from "../scripts/lib/paths";
import { createTestDb } from "../scripts/test/db";
import { startFakeSfn } from "../scripts/test/fake-sfn";

const out = mkdtempSync(join(tmpdir(), "bundled-handlers-"));
const entryFiles: Record<string, string> = {};
let db: Db;
let sfn: Awaited<ReturnType<typeof startFakeSfn>>;

const settlementArn = "arn:aws:states:us-east-1:000000000000:stateMachine:settlement";
/** The access token of the user the first API test registers. */
let accessToken = "";

beforeAll(async () => {
  db = await createTestDb("bundled");
  sfn = await startFakeSfn();
  for (const [name, { entry, profile }] of Object.entries(lambdaEntries)) {
    entryFiles[name] = (
      await buildLambdaBundle(join(repoRoot, entry), join(out, name), profile)
    ).entryFile;
  }
}, 120_000);

afterAll(async () => {
  await sfn?.stop();
  rmSync(out, { recursive: true, force: true });
});

/**
 * Calls `<bundle>.<export>` with each event in turn, in one fresh process with the
 * AWS environment (a cold start, then warm calls); returns their results.
 */
async function invokeEach(
  bundle: string,
  exportName: string,
  events: unknown[],
): Promise<unknown[]> {
  const script = join(out, `invoke-${bundle}-${exportName}-${Date.now()}.mjs`);
  writeFileSync(
    script,
    `const module = await import(${JSON.stringify(pathToFileURL(entryFiles[bundle] as string).href)});
const context = { functionName: ${JSON.stringify(exportName)}, awsRequestId: "test", getRemainingTimeInMillis: () => 30000 };
const results = [];
for (const event of ${JSON.stringify(events)}) results.push((await module[${JSON.stringify(exportName)}](event, context)) ?? null);
process.stdout.write("\\n" + JSON.stringify(results));
process.exit(0);`,
  );
  const { stdout } = await promisify(execFile)(process.execPath, [script], {
    env: {
      PATH: process.env.PATH,
      TABLE_NAME: db.table,
      DYNAMODB_ENDPOINT: inject("dynamoEndpoint"),
      AWS_REGION: "us-east-1",
      AWS_ACCESS_KEY_ID: "test",
      AWS_SECRET_ACCESS_KEY: "test",
      AWS_ENDPOINT_URL_SFN: sfn.endpoint,
      JWT_SECRET: "a-test-secret-of-at-least-32-characters",
      EMAIL_TRANSPORT: "ses",
      SETTLEMENT_STATE_MACHINE_ARN: settlementArn,
      SESSION_STATE_MACHINE_ARN: "arn:aws:states:us-east-1:000000000000:stateMachine:sessions",
      LOG_LEVEL: "SILENT",
      NODE_OPTIONS: "--enable-source-maps",
    },
  });
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "[]") as unknown[];
}

/** Calls `<bundle>.<export>(event)` in a fresh process (see `invokeEach`); returns its result. */
async function invoke(bundle: string, exportName: string, event: unknown): Promise<unknown> {
  const [result] = await invokeEach(bundle, exportName, [event]);
  return result;
}

/** What `hono/aws-lambda` answers API Gateway with. */
interface HttpResult {
  statusCode: number;
  body: string;
  headers: Record<string, string>;
}

describe("the bundled Lambda entry points, called as their triggers call them", () => {
  it("api.handler answers API Gateway v2 events: health, then a registration", async () => {
    const health = (await invoke("api", "handler", httpApiEvent("GET", "/api/v1/health"))) as {
      statusCode: number;
      body: string;
    };
    expect(health.statusCode).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({ status: "ok", table: { name: db.table } });

    const registered = (await invoke(
      "api",
      "handler",
      httpApiEvent("POST", "/api/v1/auth/register", {
        body: { username: "bundled", email: "bundled@example.com", password: "a long passphrase" },
      }),
    )) as HttpResult;
    expect(registered.statusCode, registered.body).toBe(201);
    accessToken = (JSON.parse(registered.body) as { accessToken: string }).accessToken;
  }, 60_000);

  it("jobs.marketSync mirrors the markets on its schedule and starts settlements of resolved ones", async () => {
    const report = (await invoke("jobs", "marketSync", scheduledEvent("MarketSync"))) as Record<
      string,
      number
    >;
    expect(Object.values(report).some((count) => typeof count === "number" && count > 0)).toBe(
      true,
    );
    expect(sfn.started.length).toBeGreaterThan(0);
    expect(sfn.started.every((call) => call.stateMachineArn === settlementArn)).toBe(true);
  }, 60_000);

  it("api.handler loads every route group on its first request, in one warm process", async () => {
    const bearer = { authorization: `Bearer ${accessToken}` };
    const calls: [method: string, path: string, headers?: Record<string, string>][] = [
      ["GET", "/api/v1/config"],
      ["GET", "/api/v1/markets"],
      ["GET", "/api/v1/users/me", bearer],
      ["GET", "/api/v1/transactions/me", bearer],
      ["GET", "/api/v1/bets/me", bearer],
      ["GET", "/api/v1/rewards/history", bearer],
      ["GET", "/api/v1/predictions/models"],
      ["GET", "/api/v1/leaderboard/pnl"],
      ["GET", "/api/v1/admin/users", bearer],
      ["DELETE", "/api/v1/markets"],
      ["GET", "/api/v1/no-such-group"],
      ["GET", "/api/v1/dev/outbox", bearer],
      ["GET", "/api/v1/openapi.json"],
    ];
    const results = (await invokeEach(
      "api",
      "handler",
      calls.map(([method, path, headers]) =>
        httpApiEvent(method, path, { headers: headers ?? {} }),
      ),
    )) as HttpResult[];
    const statuses = Object.fromEntries(
      results.map((result, index) => [calls[index]?.slice(0, 2).join(" "), result.statusCode]),
    );
    expect(statuses).toEqual({
      "GET /api/v1/config": 200,
      "GET /api/v1/markets": 200,
      "GET /api/v1/users/me": 200,
      "GET /api/v1/transactions/me": 200,
      "GET /api/v1/bets/me": 200,
      "GET /api/v1/rewards/history": 200,
      "GET /api/v1/predictions/models": 200,
      "GET /api/v1/leaderboard/pnl": 200,
      // Route middleware (the admin guard) runs in a lazily loaded group as in any other.
      "GET /api/v1/admin/users": 403,
      // A group answers its own unknown methods and the app its unknown segments.
      "DELETE /api/v1/markets": 405,
      "GET /api/v1/no-such-group": 404,
      // Development routes are not in a deployed API.
      "GET /api/v1/dev/outbox": 404,
      "GET /api/v1/openapi.json": 200,
    });
    const [, markets] = results;
    expect(
      (JSON.parse(markets?.body ?? "{}") as { markets: unknown[] }).markets.length,
    ).toBeGreaterThan(0);
    // The app's own headers are on a group's answer too.
    expect(markets?.headers["x-request-id"]).toBeTruthy();
    expect(markets?.headers["content-security-policy"]).toContain("default-src 'none'");
    // The document lists the routes of every group, loaded or not.
    const document = JSON.parse(results.at(-1)?.body ?? "{}") as { paths: Record<string, unknown> };
    const segments = new Set(Object.keys(document.paths).map((path) => path.split("/")[3]));
    expect([...segments].sort()).toEqual(
      Object.keys(routeGroups)
        .filter((segment) => segment !== "dev")
        .sort(),
    );
  }, 60_000);

  it("jobs.resolutionPoll runs on its schedule", async () => {
    const report = (await invoke("jobs", "resolutionPoll", scheduledEvent("ResolutionPoll"))) as {
      checked: number;
    };
    expect(typeof report.checked).toBe("number");
  }, 60_000);

  it("settlement tasks take the state's input: a page of pending bets, then done", async () => {
    const [started] = sfn.started;
    const input = started?.input as { marketId: string };
    expect(input.marketId).toBeTruthy();
    const page = (await invoke("settlement", "settlePage", input)) as { more: boolean };
    expect(page.more).toBe(false);
    await invoke("settlement", "finish", input);
  }, 60_000);

  it("session.sweeper runs on its schedule and session.onExecutionStatusChange takes the rule's event", async () => {
    const sweep = (await invoke("session", "sweeper", scheduledEvent("Sweeper"))) as {
      found: number;
    };
    expect(sweep.found).toBe(0);
    // The rule names the execution, i.e. the session: an unknown one fails loudly (then FailedRuns).
    await expect(
      invoke(
        "session",
        "onExecutionStatusChange",
        executionStatusChangeEvent("no-such-session", "FAILED"),
      ),
    ).rejects.toThrow(/SESSION_NOT_FOUND/);
  }, 60_000);
});
