import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { createDb } from "@market/core/db";
import { afterEach, describe, expect, it } from "vitest";
import {
  dynamoDbLocalProcesses,
  envWithout,
  runScript,
  type ScriptRun,
  waitForOk,
  waitForOutput,
} from "./lib/test-processes";

const tableName = "start-test";
const runs: ScriptRun[] = [];
const dataDirs: string[] = [];

afterEach(() => {
  // Only matters when a test failed half-way; the guards take Java down with the app.
  for (const run of runs.splice(0)) run.child.kill("SIGKILL");
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function newDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "market-start-"));
  dataDirs.push(dir);
  return dir;
}

/** `tsx scripts/start.ts` with its own DynamoDB Local (no DYNAMODB_ENDPOINT) on free ports. */
function runStart(dataDir: string, port = "0"): ScriptRun {
  const env = {
    ...envWithout("DYNAMODB_ENDPOINT", "HOST", "JWT_SECRET"),
    PORT: port,
    DATA_DIR: dataDir,
    TABLE_NAME: tableName,
  };
  const run = runScript("scripts/start.ts", [], env);
  runs.push(run);
  return run;
}

/** Starts the app and waits until its health route answers 200. */
async function startApp(dataDir: string) {
  const run = runStart(dataDir);
  const healthUrl = await waitForOutput(run, /Health +(http:\S+)/);
  const dynamoEndpoint = await waitForOutput(run, /DynamoDB +(http:\S+)/);
  const health = await waitForOk(healthUrl);
  return { run, healthUrl, dynamoEndpoint, health };
}

const javaUsing = (dataDir: string) => dynamoDbLocalProcesses(dataDir);

// Each case starts Java at least once; allow for slow, busy CI machines (health waits up to 60 s).
describe("npm start (scripts/start.ts)", { timeout: 120_000 }, () => {
  it.each(["SIGINT", "SIGTERM"] as const)(
    "serves the API, then on %s stops the server and DynamoDB Local and exits 0",
    async (signal) => {
      // Prepare
      const dataDir = newDataDir();
      const { run, healthUrl, health } = await startApp(dataDir);
      const javaWhileRunning = javaUsing(dataDir);

      // Act
      run.child.kill(signal);
      const exitCode = await run.exited;

      // Assess
      expect(health).toMatchObject({ status: "ok", table: { name: tableName } });
      expect(javaWhileRunning).toHaveLength(1);
      expect(exitCode).toBe(0);
      expect(javaUsing(dataDir)).toEqual([]);
      await expect(fetch(healthUrl)).rejects.toThrow();
    },
  );

  it("keeps the data under DATA_DIR across a restart", async () => {
    // Prepare
    const dataDir = newDataDir();
    const item = { pk: "restart", sk: "check", value: "kept" };
    const first = await startApp(dataDir);
    const before = createDb({ table: tableName, endpoint: first.dynamoEndpoint });
    await before.client.send(new PutCommand({ TableName: tableName, Item: item }));
    first.run.child.kill("SIGINT");
    expect(await first.run.exited).toBe(0);

    // Act
    const second = await startApp(dataDir);
    const after = createDb({ table: tableName, endpoint: second.dynamoEndpoint });
    const read = await after.client.send(
      new GetCommand({ TableName: tableName, Key: { pk: item.pk, sk: item.sk } }),
    );

    // Assess
    expect(read.Item).toEqual(item);
    second.run.child.kill("SIGINT");
    expect(await second.run.exited).toBe(0);
  });

  it("exits 1 with a one-line error when PORT is taken, leaving no Java behind", async () => {
    // Prepare
    const dataDir = newDataDir();
    const blocker = await listenOnFreePort();
    const port = (blocker.address() as { port: number }).port;

    // Act
    const run = runStart(dataDir, String(port));
    const exitCode = await run.exited;
    blocker.close();

    // Assess
    expect(exitCode).toBe(1);
    expect(run.output()).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    expect(javaUsing(dataDir)).toEqual([]);
  });
});

describe("npm start beyond loopback", { timeout: 60_000 }, () => {
  it("refuses HOST=0.0.0.0 while it would start DynamoDB Local on every interface, before any Java", async () => {
    const dataDir = newDataDir();
    const run = runScript("scripts/start.ts", [], {
      ...envWithout("DYNAMODB_ENDPOINT", "JWT_SECRET", "ALLOW_EXPOSED_DYNAMODB"),
      HOST: "0.0.0.0",
      PORT: "0",
      DATA_DIR: dataDir,
      TABLE_NAME: tableName,
    });
    runs.push(run);

    expect(await run.exited).toBe(1);
    expect(run.output()).toContain("ALLOW_EXPOSED_DYNAMODB=true");
    expect(javaUsing(dataDir)).toEqual([]);
  });
});

function listenOnFreePort(): Promise<Server> {
  const server = createServer();
  return new Promise((listening) => server.listen(0, "127.0.0.1", () => listening(server)));
}
