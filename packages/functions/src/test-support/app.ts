import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createContext, loadConfig } from "@market/core";
import { createKeyring } from "@market/core/auth";
import { OutboxEmailSender } from "@market/core/email";
import { createDemoClobClient, createDemoGammaClient } from "@market/core/polymarket";
import { createTestDb } from "../../../../scripts/test/db";
import { type AppDeps, createApp } from "../app";
import { sessionTaskDeps } from "../deps";
import { type AppServices, inBackground } from "../services";
import { createLocalSessionWorkflow } from "../workflows/session/local";
import { createLocalSettlementStarter } from "../workflows/settlement/local";
import { drainDerived as drainCore, redeliverStream as redeliverCore } from "./core";

/** A keyring for tests; real HS256 keys, just not persisted. */
export const testKeys = createKeyring([
  { kid: "test-1", secret: new TextEncoder().encode("t".repeat(48)) },
]);

/**
 * The real app on a fresh table of the run's DynamoDB Local, with emails going
 * to a fresh outbox folder the test can read, the demo Polymarket data and the
 * local settlement workflow. `settlements` collects every run it started. A
 * `clock` is the clock of the app and of its local workflows alike.
 */
export async function createTestApp(
  overrides: Partial<AppDeps> & {
    env?: Record<string, string>;
    /** Wait this long before each workflow retry (default: retry at once). */
    retryIntervalMs?: number;
    /** The table's stream, for tests that read derived numbers (`drainDerived`). */
    stream?: boolean;
  } = {},
) {
  const { env, retryIntervalMs, stream, ...rest } = overrides;
  const db = await createTestDb("api", { stream: stream ?? false });
  const config = loadConfig({
    TRUST_FORWARDED_FOR: "true",
    // Tests make many requests per user and per "unknown" IP; the tests about
    // these two limits set them back through `env`.
    REQUESTS_PER_USER_PER_MINUTE: "100000",
    ANONYMOUS_READS_PER_IP_PER_MINUTE: "100000",
    // Each demo history is hundreds of snapshots: a test that charts them asks for some.
    ODDS_BACKFILLS_PER_SYNC: "0",
    ...env,
  });
  const outbox = new OutboxEmailSender(mkdtempSync(join(tmpdir(), "outbox-")));
  const clock = rest.clock ? { clock: rest.clock } : {};
  // Its catch-up of the stream sends payout emails to the outbox, as `npm start` does.
  const local = createLocalSettlementStarter({
    ...createContext({ db, config, ...clock }),
    email: outbox,
  });
  const settlements: Promise<unknown>[] = [];
  const tasks = { ...sessionTaskDeps(config, db), ctx: createContext({ db, config, ...clock }) };
  const sessions = createLocalSessionWorkflow(tasks, {
    overrideRetryIntervals: retryIntervalMs ?? true,
  });
  const services: AppServices = {
    afterResponse: inBackground((error) => console.error("background task failed", error)),
    gamma: createDemoGammaClient(),
    clob: createDemoClobClient({ now: () => (rest.clock ?? (() => new Date()))().getTime() }),
    models: tasks.registry,
    sessions,
    settlement: {
      start: async (marketId) => {
        const started = await local.start(marketId);
        settlements.push(started.done);
        return started;
      },
    },
  };
  const deps: AppDeps = { db, config, keys: testKeys, email: outbox, services, ...rest };
  // For tests that check or prepare state through core directly.
  const core = createContext({ db, config, ...clock });
  /** Brings leaderboard stats, rank marks, analytics and payout emails up to date (the stream consumer). */
  const drainDerived = () => drainCore({ ...core, email: outbox });
  /** Every stream record delivered again from the start (a redelivered batch must add nothing). */
  const redeliverStream = () => redeliverCore({ ...core, email: outbox });
  return {
    app: createApp(deps),
    deps,
    db,
    config,
    outbox,
    settlements,
    sessions,
    core,
    drainDerived,
    redeliverStream,
  };
}

export function jsonRequest(method: string, body: unknown, headers: Record<string, string> = {}) {
  return {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  };
}
