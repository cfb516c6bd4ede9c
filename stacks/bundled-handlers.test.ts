/**
 * Every Lambda entry point, bundled exactly as a deploy bundles it
 * (infra/bundling.ts), loaded in a fresh Node process configured as in AWS and
 * called with the event its trigger sends: API Gateway (HTTP API v2),
 * EventBridge schedules, the Step Functions status-change rule, and the
 * workflows' task inputs (the session's from its ASL, run by the local engine
 * with the bundled tasks). DynamoDB is the test run's DynamoDB Local; Step
 * Functions is a loopback fake that records StartExecution.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { edgeHeaders } from "../packages/functions/src/http/edge";
import { routeGroups } from "../packages/functions/src/routes/groups";
import { runWorkflowLocally } from "../packages/functions/src/workflows/local-engine";
import {
  placeholderOf,
  sessionDefinition,
  sessionTasks,
  taskKeyOf,
} from "../packages/functions/src/workflows/session/definition";
import {
  executionStatusChangeEvent,
  httpApiEvent,
  scheduledEvent,
} from "../scripts/lib/lambda-events";
import {
  type BundledLambdas,
  buildBundledLambdas,
  type HttpResult,
  sessionArn,
  settlementArn,
} from "./test/bundled-lambdas";

let lambdas: BundledLambdas;
const invoke: BundledLambdas["invoke"] = (...args) => lambdas.invoke(...args);
const invokeEach: BundledLambdas["invokeEach"] = (...args) => lambdas.invokeEach(...args);
/** The access token of the user the first API test registers. */
let accessToken = "";

beforeAll(async () => {
  lambdas = await buildBundledLambdas();
}, 120_000);

afterAll(() => lambdas?.stop());

describe("the bundled Lambda entry points, called as their triggers call them", () => {
  it("api.handler behind the edge: refuses what went around CloudFront, serves what came through", async () => {
    const secret = "an-origin-secret-of-at-least-32-characters";
    const [around, through] = (await invokeEach(
      "api",
      "handler",
      [
        httpApiEvent("GET", "/api/v1/health"),
        httpApiEvent("GET", "/api/v1/health", {
          headers: {
            [edgeHeaders.originSecret]: secret,
            [edgeHeaders.viewerAddress]: "198.51.100.4",
          },
        }),
      ],
      { EDGE_ORIGIN_SECRET: secret },
    )) as { statusCode: number }[];
    expect(around?.statusCode).toBe(403);
    expect(through?.statusCode).toBe(200);
  });

  it("api.handler answers API Gateway v2 events: health, then a registration", async () => {
    const health = (await invoke("api", "handler", httpApiEvent("GET", "/api/v1/health"))) as {
      statusCode: number;
      body: string;
    };
    expect(health.statusCode).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({
      status: "ok",
      table: { name: lambdas.db.table },
    });

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
    expect(lambdas.sfn.started.length).toBeGreaterThan(0);
    expect(lambdas.sfn.started.every((call) => call.stateMachineArn === settlementArn)).toBe(true);
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
    const [started] = lambdas.sfn.started;
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

  it("jobs.ranking and jobs.reconcile run on their schedules", async () => {
    const ranked = (await invoke("jobs", "ranking", scheduledEvent("Ranking"))) as {
      boardsRebuilt: number;
    };
    expect(typeof ranked.boardsRebuilt).toBe("number");
    const reconciled = (await invoke("jobs", "reconcile", scheduledEvent("Reconcile"))) as {
      scanned: { users: number };
      differences: number;
    };
    expect(reconciled.scanned.users).toBeGreaterThan(0);
    expect(reconciled.differences).toBe(0);
  }, 60_000);

  it("session tasks take their states' inputs: a session started through the API runs its ASL to the end", async () => {
    const bearer = { authorization: `Bearer ${accessToken}` };
    const [list] = (await invokeEach("api", "handler", [
      httpApiEvent("GET", "/api/v1/markets"),
    ])) as HttpResult[];
    const [market] = (JSON.parse(list?.body ?? "{}") as { markets: { id: string }[] }).markets;
    const started = (await invoke(
      "api",
      "handler",
      httpApiEvent("POST", "/api/v1/predictions/sessions", {
        headers: bearer,
        body: { marketId: market?.id, selectedModels: ["consensus", "momentum"] },
      }),
    )) as HttpResult;
    expect(started.statusCode, started.body).toBe(201);
    const { sessionId } = JSON.parse(started.body) as { sessionId: string };
    const execution = lambdas.sfn.started.find((call) => call.name === sessionId);
    expect(execution?.stateMachineArn).toBe(sessionArn);

    // Step Functions' part, played by the local engine over the deployed ASL; each
    // task is its bundled Lambda, in a fresh process, given what the state passes it.
    const run = runWorkflowLocally({
      definition: sessionDefinition({ timeoutSeconds: 600, modelConcurrency: 1 }),
      resources: Object.fromEntries(
        sessionTasks.map((task) => [
          placeholderOf(task),
          (input: unknown) => invoke("session", taskKeyOf(task), input),
        ]),
      ),
      input: execution?.input,
      executionName: sessionId,
    });
    await run.result;

    const session = (await invoke(
      "api",
      "handler",
      httpApiEvent("GET", `/api/v1/predictions/sessions/${sessionId}`, { headers: bearer }),
    )) as HttpResult;
    expect(JSON.parse(session.body)).toMatchObject({ sessionId, status: "finished" });
  }, 180_000);
});
