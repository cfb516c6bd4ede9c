/**
 * `npm run soak`: the load test while things break, then the invariants.
 * Everything on 127.0.0.1, bounded in time. DynamoDB Local (on disk, so a
 * restart keeps the data) and the API (`scripts/start.ts`) run as child
 * processes so they can be killed:
 *
 * - model failures and hangs (MODEL_FAULTS) for the whole run;
 * - DynamoDB Local killed (SIGKILL) mid-run and restarted: requests answer 503;
 * - the API killed (SIGKILL) and restarted, the second time with workflow
 *   crashes (WORKFLOW_FAULTS=crash-after:Finalize), and killed again while it
 *   settles the market with every pending bet;
 * - duplicate deliveries: the session sweep twice at once (over HTTP and later
 *   as the hourly schedule would, past the timeout), the settlement started
 *   twice at once after the crash, refunds of failed sessions delivered twice.
 *
 * Then: every balance equals its entries to the cent, no negative balance,
 * every session finished or refunded exactly once, every bet of the resolved
 * market settled exactly once, and no 500 anywhere. Exits 1 otherwise.
 *
 *   npm run soak -- --quick     ~2 minutes
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createContext, createDb, loadConfig } from "@market/core";
import { parseSigningKeys } from "@market/core/auth/signing-keys";
import { refundSession, sweepStuckSessions } from "@market/core/predictions";
import { serviceFor } from "@market/core/service";
import { benchLimits } from "../bench/stack";
import { type DynamoDbLocal, startDynamoDbLocal } from "../dynamodb-local";
import { killWithParent, stopChild } from "../lib/child-lifetime";
import { findFreePort } from "../lib/free-port";
import { repoRoot } from "../lib/paths";
import { sleep } from "./driver";
import { checkInvariants } from "./invariants";
import { runLoad, waitForSessions } from "./scenario";

const { values: args } = parseArgs({ options: { quick: { type: "boolean", default: false } } });
const quick = args.quick ?? false;
const log = (line: string) => process.stderr.write(`soak: ${line}\n`);

const secret = "soak-".repeat(10);
const sessionTimeoutSeconds = 30;
const dataDir = mkdtempSync(join(tmpdir(), "soak-"));
const tableName = `soak-${Date.now()}`;
const events: { at: number; event: string }[] = [];
const t0 = Date.now();
const note = (event: string) => {
  events.push({ at: Math.round((Date.now() - t0) / 100) / 10, event });
  log(event);
};

let dynamo: DynamoDbLocal | undefined;
let api: ChildProcess | undefined;

async function startDynamo(port: number) {
  dynamo = await startDynamoDbLocal({ dbPath: join(dataDir, "dynamodb"), port });
  return dynamo;
}

async function killDynamo() {
  const current = dynamo;
  if (!current) return;
  process.kill(current.pid, "SIGKILL");
  await current.exited;
}

async function startApi(port: number, endpoint: string, extra: Record<string, string>) {
  const child = spawn(
    join(repoRoot, "node_modules", ".bin", "node"),
    ["--import", "tsx", join(repoRoot, "scripts", "start.ts")],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        ...benchLimits,
        BETS_PER_USER_PER_MINUTE: "1000",
        PORT: String(port),
        HOST: "127.0.0.1",
        DYNAMODB_ENDPOINT: endpoint,
        TABLE_NAME: tableName,
        DATA_DIR: dataDir,
        JWT_SECRET: secret,
        LOG_LEVEL: "ERROR",
        SESSION_TIMEOUT_SECONDS: String(sessionTimeoutSeconds),
        MODEL_TIMEOUT_SECONDS: "2",
        MODEL_FAULTS: "consensus:flaky:1,momentum:fail,base-rate:hang",
        ...extra,
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  killWithParent(child);
  api = child;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`API exited with ${child.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
      if (response.ok) return child;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error("API did not become healthy");
}

function killApi() {
  const child = api;
  if (!child || child.exitCode !== null) return Promise.resolve();
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  return exited;
}

async function main(): Promise<number> {
  const dynamoPort = await findFreePort();
  const apiPort = await findFreePort();
  const origin = `http://127.0.0.1:${apiPort}`;
  const { endpoint } = await startDynamo(dynamoPort);
  note(`DynamoDB Local on ${endpoint} (on disk), starting the API on ${origin}`);
  await startApi(apiPort, endpoint, {});
  const config = loadConfig({
    ...process.env,
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: endpoint,
    SESSION_TIMEOUT_SECONDS: String(sessionTimeoutSeconds),
  });
  const db = createDb({ table: tableName, endpoint });
  const ctx = createContext({ db, config });
  const keys = parseSigningKeys(secret);
  const adminHeaders = async () => {
    const { issueAccessToken } = await import("@market/core/auth/access-token");
    const token = await issueAccessToken(
      keys,
      { userId: "soak-admin", role: "admin" },
      new Date(),
      3600,
    );
    return { authorization: `Bearer ${token}`, "content-type": "application/json" };
  };

  const faults: Promise<void>[] = [];
  const mixSeconds = quick ? 40 : 75;
  const result = await runLoad(
    { origin, ctx, keys },
    {
      users: quick ? 120 : 500,
      authUsers: quick ? 3 : 10,
      mixSeconds,
      burstBets: quick ? 200 : 1000,
      resolutionBets: quick ? 600 : 5000,
      log,
      onMixStarted: () => {
        faults.push(
          (async () => {
            await sleep(4_000);
            note("killing DynamoDB Local (SIGKILL)");
            await killDynamo();
            await sleep(4_000);
            await startDynamo(dynamoPort);
            note("DynamoDB Local restarted");
            await sleep(5_000);
            note("killing the API (SIGKILL)");
            await killApi();
            await startApi(apiPort, endpoint, { WORKFLOW_FAULTS: "crash-after:Finalize" });
            note("API restarted with WORKFLOW_FAULTS=crash-after:Finalize");
            await sleep(3_000);
            const headers = await adminHeaders();
            const sweeps = await Promise.all(
              [1, 2].map(() =>
                fetch(`${origin}/api/v1/admin/jobs/session-sweep`, {
                  method: "POST",
                  headers,
                }).then((r) => r.status),
              ),
            );
            note(`session sweep delivered twice at once: ${sweeps.join(", ")}`);
          })(),
        );
      },
      onSettlementStarted: async (marketId) => {
        await Promise.all(faults);
        await sleep(1_500);
        note("killing the API while it settles");
        await killApi();
        await startApi(apiPort, endpoint, { WORKFLOW_FAULTS: "crash-after:Finalize" });
        const headers = await adminHeaders();
        const starts = await Promise.all(
          [1, 2].map(() =>
            fetch(`${origin}/api/v1/admin/markets/${marketId}/settle`, {
              method: "POST",
              headers,
            }).then((r) => r.status),
          ),
        );
        note(`API restarted; settlement started twice at once: ${starts.join(", ")}`);
      },
    },
  );
  await Promise.all(faults);

  log("waiting for session workflows...");
  await waitForSessions(ctx, quick ? 20_000 : 60_000);
  // The hourly sweeper, delivered twice at once, as it runs after the timeout has passed.
  const later = createContext({
    db,
    config,
    clock: () => new Date(Date.now() + (sessionTimeoutSeconds + 300 + 60) * 1000),
  });
  const sweeps = await Promise.all([sweepStuckSessions(later), sweepStuckSessions(later)]);
  note(
    `late sweep twice at once: ${sweeps.map((s) => `${s.found} found ${JSON.stringify(s.outcomes)}`).join(" / ")}`,
  );
  // Refund events delivered again, twice at once, for failed and finished sessions alike.
  const { data: sessions } = await serviceFor(db).entities.predictionSession.scan.go({
    pages: "all",
  });
  const replays: Record<string, number> = {};
  for (const session of sessions.slice(0, 40)) {
    for (const outcome of await Promise.all([
      refundSession(ctx, session.sessionId, "soak: duplicate refund event"),
      refundSession(ctx, session.sessionId, "soak: duplicate refund event"),
    ])) {
      replays[outcome] = (replays[outcome] ?? 0) + 1;
    }
  }
  note(`refund events redelivered: ${JSON.stringify(replays)}`);

  const invariants = await checkInvariants(ctx);
  const serverErrors = Object.entries({ ...result.mix.errorsByCode, ...result.burst.errorsByCode })
    .filter(([code]) => code.startsWith("500"))
    .reduce((sum, [, n]) => sum + n, 0);
  const saw503 = Object.keys(result.mix.errorsByCode).some((code) => code.startsWith("503"));
  const failures = [
    ...(invariants.ok ? [] : [`invariants: ${invariants.problems.slice(0, 5).join("; ")}`]),
    ...(result.resolution.settlement === "done" ? [] : ["settlement did not finish"]),
    ...(serverErrors ? [`${serverErrors} answers were 500`] : []),
    ...(saw503 ? [] : ["no 503 seen while DynamoDB Local was down"]),
  ];
  const report = {
    generatedAt: new Date().toISOString(),
    quick,
    durationSeconds: Math.round((Date.now() - t0) / 1000),
    events,
    ...result,
    invariants,
    failures,
  };
  mkdirSync(join(repoRoot, "bench"), { recursive: true });
  writeFileSync(
    join(repoRoot, "bench", quick ? "soak-quick.json" : "soak-latest.json"),
    `${JSON.stringify(report, null, 2)}\n`,
  );
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  log(
    `reconcile: ${invariants.reconcileDifferences} differences, ${invariants.negativeBalances} negative balances over ${invariants.users} users; ${failures.length ? `FAILED: ${failures.join(" | ")}` : "all invariants hold"}`,
  );
  return failures.length ? 1 : 0;
}

let code = 1;
try {
  code = await main();
} catch (error) {
  log(`crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  if (api) await stopChild(api);
  await dynamo?.stop();
}
process.exit(code);
