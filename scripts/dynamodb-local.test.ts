import { randomUUID } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { createDb, ensureTable } from "@market/core/db";
import { afterEach, describe, expect, it } from "vitest";
import {
  type DynamoDbLocal,
  ensureDynamoDbLocalJar,
  PortInUseError,
  startDynamoDbLocal,
} from "./dynamodb-local";
import {
  dynamoDbLocalProcesses,
  envWithout,
  eventually,
  runScript,
  waitForOutput,
} from "./lib/test-processes";

const javaOnPort = (port: number) => dynamoDbLocalProcesses(`-port ${port} `);
/** Where the kernel-side guard (setpriv --pdeathsig) is available. */
const hasSetpriv =
  process.platform === "linux" && ["/usr/bin/setpriv", "/bin/setpriv"].some(existsSync);

describe("startDynamoDbLocal", { timeout: 60_000 }, () => {
  let dynamo: DynamoDbLocal | undefined;
  afterEach(async () => {
    await dynamo?.stop();
    dynamo = undefined;
  });

  it("starts in memory, serves the app's table, and stop() leaves no Java behind", async () => {
    // Prepare
    dynamo = await startDynamoDbLocal({ inMemory: true });
    const db = createDb({ table: `local-${randomUUID()}`, endpoint: dynamo.endpoint });

    // Act
    const created = await ensureTable(db);
    await db.client.send(new PutCommand({ TableName: db.table, Item: { pk: "a", sk: "b", n: 1 } }));
    const read = await db.client.send(
      new GetCommand({ TableName: db.table, Key: { pk: "a", sk: "b" } }),
    );
    const runningBeforeStop = javaOnPort(dynamo.port);
    await dynamo.stop();

    // Assess
    expect(dynamo.endpoint).toBe(`http://127.0.0.1:${dynamo.port}`);
    expect(created).toBe("created");
    expect(read.Item).toEqual({ pk: "a", sk: "b", n: 1 });
    expect(runningBeforeStop).toHaveLength(1);
    expect(javaOnPort(dynamo.port)).toEqual([]);
  });

  it("keeps its files the owner's only and answers no browser origin (it cannot bind loopback only)", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "ddb-private-"));
    chmodSync(dataDir, 0o755);
    const dbPath = join(dataDir, "dynamodb");
    dynamo = await startDynamoDbLocal({ dbPath });
    const db = createDb({ table: `local-${randomUUID()}`, endpoint: dynamo.endpoint });
    await ensureTable(db);

    const preflight = await fetch(dynamo.endpoint, {
      method: "OPTIONS",
      headers: {
        origin: "https://evil.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type,x-amz-target",
      },
    });

    expect(statSync(dbPath).mode & 0o777).toBe(0o700);
    const files = readdirSync(dbPath);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(statSync(join(dbPath, file)).mode & 0o077, file).toBe(0);
    expect(preflight.headers.get("access-control-allow-origin")).not.toBe("*");
    expect(preflight.headers.get("access-control-allow-origin")).not.toBe("https://evil.example");
  });

  it("refuses a port that is already taken, without starting Java", async () => {
    // Prepare
    const blocker = createServer();
    await new Promise<void>((listening) => blocker.listen(0, listening));
    const address = blocker.address();
    const port = typeof address === "object" && address ? address.port : 0;

    // Act
    const started = startDynamoDbLocal({ inMemory: true, port });

    // Assess
    await expect(started).rejects.toBeInstanceOf(PortInUseError);
    expect(javaOnPort(port)).toEqual([]);
    blocker.close();
  });

  it("keeps the jar in the repo's cache folder", async () => {
    const emulatorDir = await ensureDynamoDbLocalJar();

    expect(existsSync(join(emulatorDir, "DynamoDBLocal.jar"))).toBe(true);
    expect(existsSync(join(emulatorDir, "DynamoDBLocal_lib"))).toBe(true);
    expect(existsSync(join(dirname(emulatorDir), ".complete"))).toBe(true);
  });
});

describe("scripts/dynamodb-local.ts run directly", { timeout: 60_000 }, () => {
  it("says how to install Java, or how to do without, when there is none", async () => {
    // Prepare: a PATH that holds only Node, so there is no java to find.
    const env = { ...envWithout("JAVA_HOME", "DYNAMODB_ENDPOINT"), PATH: "" };

    // Act
    const run = runScript("scripts/dynamodb-local.ts", ["--in-memory"], env);
    const exitCode = await run.exited;

    // Assess
    expect(exitCode).toBe(1);
    expect(run.output()).toContain("DynamoDB Local needs Java 17+");
    expect(run.output()).toContain("apt-get install -y openjdk-17-jre-headless");
    expect(run.output()).toContain("brew install openjdk");
    expect(run.output()).toContain("DYNAMODB_ENDPOINT=");
  });

  it.runIf(hasSetpriv)("takes Java down with it when it is killed with SIGKILL", async () => {
    // Prepare
    const run = runScript("scripts/dynamodb-local.ts", ["--in-memory"], process.env);
    const javaPid = Number(await waitForOutput(run, /\(pid (\d+)\)/));
    // The Node process running the script (tsx starts it as a child of its own).
    const launcherPid = parentOf(javaPid);

    // Act: no handler runs on SIGKILL; only the kernel's parent-death signal can act.
    process.kill(launcherPid, "SIGKILL");

    // Assess
    expect(await eventually(() => !isAlive(javaPid))).toBe(true);
    await run.exited;
  });
});

function parentOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
}

/** Running, as opposed to gone or a zombie waiting to be reaped. */
function isAlive(pid: number): boolean {
  try {
    const state = /^State:\s+(\w)/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return state !== "Z";
  } catch {
    return false;
  }
}
