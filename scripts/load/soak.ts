/**
 * `npm run soak`: the load test while things break, then the invariants.
 * Everything on 127.0.0.1, bounded in time. DynamoDB Local (on disk, so a
 * restart keeps the data) and the API (`scripts/start.ts`) run as child
 * processes so they can be killed (`soak-processes.ts`):
 *
 * - model failures and hangs (MODEL_FAULTS) for the whole run;
 * - DynamoDB Local killed (SIGKILL) mid-run, with sessions in flight, and
 *   restarted: requests answer 503, never 500;
 * - the API killed (SIGKILL) with sessions in flight and restarted with
 *   workflow crashes (WORKFLOW_FAULTS=crash-after:Finalize), and killed again
 *   while it settles the market with every pending bet;
 * - duplicate deliveries: the session sweep twice at once (over HTTP, and later
 *   as the hourly schedule would, past the timeout), the settlement started
 *   twice at once after the crash, refunds of sessions delivered twice.
 *
 * Then: every balance equals its entries to the cent (and the reconcile job
 * finds nothing), no negative balance, every session finished or refunded
 * exactly once, every bet of the resolved market settled exactly once, no 500
 * anywhere, and each fault really landed. Exits 1 otherwise.
 *
 *   npm run soak -- --quick     ~3 minutes
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createContext, createDb, loadConfig } from "@market/core";
import { parseSigningKeys } from "@market/core/auth";
import { getMarket } from "@market/core/markets";
import { refundSession, sweepStuckSessions } from "@market/core/predictions";
import { serviceFor } from "@market/core/service";
import { benchLimits } from "../bench/stack";
import { findFreePort } from "../lib/free-port";
import { repoRoot } from "../lib/paths";
import { internalErrors, sleep } from "./driver";
import { checkInvariants, invariantsLine } from "./invariants";
import { type LoadRun, runLoad, waitForSessions } from "./scenario";
import { SoakProcesses } from "./soak-processes";

const { values: args } = parseArgs({ options: { quick: { type: "boolean", default: false } } });
const quick = args.quick ?? false;
const log = (line: string) => process.stderr.write(`soak: ${line}\n`);

const secret = "soak-".repeat(10);
const sessionTimeoutSeconds = 30;
const t0 = Date.now();
const events: { at: number; event: string }[] = [];
const note = (event: string) => {
  events.push({ at: Math.round((Date.now() - t0) / 100) / 10, event });
  log(event);
};
/** Fault injections that did not land or were refused: a broken soak, not a result. */
const faultFailures: string[] = [];
// Healthy stretches between the faults, so requests and sessions are in flight when each lands.
const healthyMs = quick ? 5_000 : 12_000;
const sessionsPerFault = quick ? 4 : 10;

async function main(processes: SoakProcesses, tableName: string): Promise<number> {
  await processes.startDynamo();
  note(
    `DynamoDB Local on ${processes.endpoint} (on disk); API on ${processes.origin}, its log in ${apiLogPath}`,
  );
  await processes.startApi();
  const { endpoint, origin } = processes;
  const config = loadConfig({
    ...process.env,
    // The resolution's bets are placed through this context, 15 per user in the quick run.
    ...benchLimits,
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: endpoint,
    SESSION_TIMEOUT_SECONDS: String(sessionTimeoutSeconds),
  });
  const db = createDb({ table: tableName, endpoint });
  const ctx = createContext({ db, config });

  const post = (path: string, headers: Record<string, string>, body?: unknown) =>
    fetch(`${origin}${path}`, {
      method: "POST",
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }).then(
      async (response) => ({ status: response.status, body: (await response.json()) as unknown }),
      (error: Error) => ({ status: `network ${(error.cause as Error)?.message ?? error.name}` }),
    );
  const deliverTwice = async (what: string, path: string, run: LoadRun, ok: number) => {
    const answers = await Promise.all([1, 2].map(() => post(path, run.admin.headers)));
    const statuses = answers.map((answer) => answer.status);
    note(`${what} twice at once: ${statuses.join(", ")}`);
    if (statuses.some((status) => status !== ok)) {
      faultFailures.push(`${what}: ${statuses.join(", ")} (expected ${ok} twice)`);
    }
  };
  // Sessions started just before a fault, so the fault meets them mid-workflow
  // (a session with a failing model retries for seconds before it can end).
  let nextUser = 0;
  const startSessions = async (run: LoadRun, when: string) => {
    const answers = await Promise.all(
      Array.from({ length: sessionsPerFault }, () => {
        const user = run.users[nextUser++ % run.users.length] as LoadRun["users"][number];
        return post(
          "/api/v1/predictions/sessions",
          { authorization: `Bearer ${user.token}`, "content-type": "application/json" },
          { marketId: run.marketIds[0], selectedModels: ["consensus", "momentum"] },
        );
      }),
    );
    const started = answers.filter((answer) => answer.status === 201).length;
    note(`${started} of ${answers.length} sessions started ${when}`);
    if (started === 0) faultFailures.push(`no session started ${when}`);
  };

  const result = await runLoad(
    { origin, ctx, keys: parseSigningKeys(secret) },
    {
      users: quick ? 100 : 500,
      authUsers: quick ? 3 : 10,
      // At least this long, and until the faults below are over.
      mixSeconds: quick ? 30 : 75,
      burstBets: quick ? 200 : 1000,
      // More than one settlement page (settlementPageSize: 1,000), so the API is killed
      // with a page still to settle.
      resolutionBets: quick ? 1_500 : 5000,
      settleTimeoutMs: quick ? 180_000 : 600_000,
      log,
      onMixStarted: async (run) => {
        await sleep(healthyMs);
        await startSessions(run, "before DynamoDB Local is killed");
        await sleep(1_000);
        note("killing DynamoDB Local (SIGKILL)");
        await processes.killDynamo();
        await sleep(4_000);
        await processes.startDynamo();
        note("DynamoDB Local restarted");
        await sleep(healthyMs);
        await startSessions(run, "before the API is killed");
        await sleep(1_000);
        note("killing the API (SIGKILL)");
        await processes.killApi();
        await processes.startApi({ WORKFLOW_FAULTS: "crash-after:Finalize" });
        note("API restarted with WORKFLOW_FAULTS=crash-after:Finalize");
        await sleep(2_000);
        await deliverTwice("session sweep delivered", "/api/v1/admin/jobs/session-sweep", run, 200);
        await startSessions(run, "on the API whose workflows crash after Finalize");
        await sleep(healthyMs);
      },
      onSettlementStarted: async (marketId, run) => {
        // Killed once the first page is settled, so pages are left for the restarted API: a
        // fixed 1.5 s wait raced a one-page settlement (300 bets, "done" in a CI run).
        const before = await firstSettledPage(marketId);
        note(`killing the API while it settles (settlement ${before})`);
        if (before !== "running") {
          faultFailures.push(`the settlement was ${before}, not running, at the API kill`);
        }
        await processes.killApi();
        await processes.startApi({ WORKFLOW_FAULTS: "crash-after:Finalize" });
        note("API restarted");
        await deliverTwice(
          "settlement started",
          `/api/v1/admin/markets/${marketId}/settle`,
          run,
          202,
        );
      },
    },
  );

  /** The settlement's state once it has left `pending` (or after 60 s): `running` is the aim. */
  async function firstSettledPage(marketId: string) {
    const deadline = Date.now() + 60_000;
    let state = (await getMarket(ctx, marketId)).settlement;
    while (state === "pending" && Date.now() < deadline) {
      await sleep(20);
      state = (await getMarket(ctx, marketId)).settlement;
    }
    return state;
  }

  // Sessions start only in the mixed phase, long over by now: what is still active is
  // mostly what a kill left mid-workflow, for the sweep below.
  log("waiting for session workflows still running...");
  await waitForSessions(ctx, quick ? 5_000 : 60_000);
  // The hourly sweeper, delivered twice at once, as it runs after the timeout has passed:
  // the sessions the API kill left mid-workflow are refunded here, once each.
  const later = createContext({
    db,
    config,
    clock: () => new Date(Date.now() + (sessionTimeoutSeconds + 300 + 60) * 1000),
  });
  const sweeps = await Promise.all([sweepStuckSessions(later), sweepStuckSessions(later)]);
  note(
    `late sweep twice at once: ${sweeps.map((s) => `${s.found} found ${JSON.stringify(s.outcomes)}`).join(" / ")}`,
  );
  const sweptRefunds = sweeps.reduce((sum, s) => sum + (s.outcomes.refunded ?? 0), 0);
  if (sweptRefunds === 0) faultFailures.push("the late sweep refunded no session left by a kill");
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
  const serverErrors = internalErrors(result.mix, result.burst);
  const saw503 = Object.keys(result.mix.errorsByCode).some((code) => code.startsWith("503"));
  const failures = [
    ...faultFailures,
    ...(invariants.ok ? [] : [`invariants: ${invariants.problems.slice(0, 5).join("; ")}`]),
    ...(result.resolution.settlement === "done" ? [] : ["settlement did not finish"]),
    ...(serverErrors ? [`${serverErrors} answers were 500`] : []),
    ...(result.resolution.resolveStatus === 200
      ? []
      : [`resolve answered ${result.resolution.resolveStatus}`]),
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
  writeFileSync(
    join(repoRoot, "bench", quick ? "soak-quick.json" : "soak-latest.json"),
    `${JSON.stringify(report, null, 2)}\n`,
  );
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  log(invariantsLine(invariants, failures));
  return failures.length ? 1 : 0;
}

const dataDir = mkdtempSync(join(tmpdir(), "soak-"));
const tableName = `soak-${Date.now()}`;
mkdirSync(join(repoRoot, "bench"), { recursive: true });
const apiLogPath = join(repoRoot, "bench", quick ? "soak-quick-api.log" : "soak-api.log");
writeFileSync(apiLogPath, "");
const processes = new SoakProcesses({
  apiLogPath,
  dataDir,
  tableName,
  dynamoPort: await findFreePort(),
  apiPort: await findFreePort(),
  apiEnv: {
    BETS_PER_USER_PER_MINUTE: "1000",
    JWT_SECRET: secret,
    LOG_LEVEL: "ERROR",
    SESSION_TIMEOUT_SECONDS: String(sessionTimeoutSeconds),
    MODEL_TIMEOUT_SECONDS: "2",
    MODEL_FAULTS: "consensus:flaky:1,momentum:fail,base-rate:hang",
  },
});
let code = 1;
try {
  code = await main(processes, tableName);
} catch (error) {
  log(`crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  await processes.stop();
}
log(`exit ${code} after ${Math.round((Date.now() - t0) / 1000)} s`);
process.exit(code);
