import { mkdtempSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { createAdaptorServer } from "@hono/node-server";
import {
  type Config,
  type CoreContext,
  createContext,
  createDb,
  ensureTable,
  loadConfig,
  withoutSdkCallLog,
} from "@market/core";
import { createKeyring, type SigningKeys } from "@market/core/auth";
import { OutboxEmailSender } from "@market/core/email";
import { type AppDeps, createApp } from "@market/functions/app";
import { loadServices, sessionTaskDeps } from "@market/functions/deps";
import type { WorkflowEvent } from "@market/functions/workflows/local-engine";
import type { SessionWorkflowInput } from "@market/functions/workflows/ports";
import { createLocalSessionWorkflow } from "@market/functions/workflows/session/local";
import {
  createLocalSettlementStarter,
  type LocalSettlementStarter,
} from "@market/functions/workflows/settlement/local";
import { type DynamoDbLocal, startDynamoDbLocal } from "../dynamodb-local";
import { type DynamoMeter, meterDynamo } from "./db-calls";

/**
 * Limits a benchmark would otherwise hit in its first second (5 registrations per
 * IP per hour, 30 bets per user per minute...). The limit checks still run and
 * still cost what they cost; they just do not refuse.
 */
export const benchLimits = {
  REGISTER_PER_IP_PER_HOUR: "100000000",
  LOGIN_PER_IP_PER_HOUR: "100000000",
  PASSWORD_RESET_PER_HOUR: "100000000",
  BETS_PER_USER_PER_MINUTE: "100000000",
  PREDICTION_SESSIONS_PER_HOUR: "100000000",
  PREDICTION_SESSIONS_PER_DAY: "100000000",
  // Every bench and load request comes from 127.0.0.1, and 50 users make thousands a minute.
  ANONYMOUS_READS_PER_IP_PER_MINUTE: "100000000",
  REQUESTS_PER_USER_PER_MINUTE: "100000000",
  // One client IP for all: its share of the hash queue must not turn the load's logins away.
  PASSWORD_HASH_QUEUE_PER_CLIENT: "100000000",
  DAILY_REWARD_PER_USER_PER_MINUTE: "100000000",
  MARKET_SYNC_INTERVAL_SECONDS: "0",
  RESOLUTION_POLL_INTERVAL_SECONDS: "0",
  ODDS_REFRESH_INTERVAL_SECONDS: "0",
} as const;

/** How long `stop()` waits for workflow runs still in flight. */
const workflowDrainMs = 120_000;

export interface BenchStack {
  config: Config;
  deps: AppDeps;
  ctx: CoreContext;
  keys: SigningKeys;
  meter: DynamoMeter;
  /** A second client on the same DynamoDB, for raw baselines, with its own meter. */
  raw: DynamoDBDocumentClient;
  rawMeter: DynamoMeter;
  /** The in-process settlement starter the app uses (its `done` tells when a run ended). */
  settlement: LocalSettlementStarter;
  /** Billable state transitions (states entered, retries) per execution, from its event log. */
  transitions: {
    sessions: Map<string, number>;
    settlements: Map<string, number>;
    /** Task states entered (Lambda invocations in AWS) per session. */
    sessionTasks: Map<string, number>;
  };
  origin: string;
  server: Server;
  /**
   * Session executions started from now on wait until released. In AWS a session's
   * workflow runs in Step Functions and its Lambdas, not in the API's process: a
   * round of session starts measures the API's part, and the workflows run after it.
   */
  holdSessionWorkflows(): void;
  /** Runs the held executions (and stops holding); their end is `sessionsIdle`'s to await. */
  releaseSessionWorkflows(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The local stack a benchmark drives: an in-memory DynamoDB Local (unless
 * DYNAMODB_ENDPOINT is set), a fresh table, and the real HTTP app with the
 * in-process workflows, listening on 127.0.0.1.
 */
export async function startBenchStack(env: Record<string, string> = {}): Promise<BenchStack> {
  const dynamo: DynamoDbLocal | undefined = process.env.DYNAMODB_ENDPOINT
    ? undefined
    : await startDynamoDbLocal({ inMemory: true });
  const endpoint = dynamo?.endpoint ?? (process.env.DYNAMODB_ENDPOINT as string);
  const config = loadConfig({
    ...process.env,
    ...benchLimits,
    ...env,
    TABLE_NAME: `bench-${Date.now()}`,
    DYNAMODB_ENDPOINT: endpoint,
    DATA_DIR: mkdtempSync(join(tmpdir(), "bench-data-")),
  });
  const db = createDb({ table: config.TABLE_NAME, endpoint });
  await ensureTable(db);
  const meter = meterDynamo(db, { endpoint });
  const keys = createKeyring([{ kid: "bench", secret: new TextEncoder().encode("b".repeat(48)) }]);
  const transitions = {
    sessions: new Map<string, number>(),
    settlements: new Map<string, number>(),
    sessionTasks: new Map<string, number>(),
  };
  const bump = (into: Map<string, number>, id: string) => into.set(id, (into.get(id) ?? 0) + 1);
  const count =
    (into: Map<string, number>, tasks?: Map<string, number>) =>
    (id: string, event: WorkflowEvent) => {
      if (event.type !== "StateEntered" && event.type !== "StateRetried") return;
      bump(into, id);
      if (tasks && (event as { state?: { type?: string } }).state?.type === "Task") bump(tasks, id);
    };
  const ctx = createContext({ db, config });
  // The stream consumer is no part of a settlement in AWS (a Lambda of its own): not run here.
  const settlement = createLocalSettlementStarter(ctx, {
    onEvent: count(transitions.settlements),
    catchUpStream: false,
  });
  const sessions = createLocalSessionWorkflow(sessionTaskDeps(config, db), {
    onEvent: count(transitions.sessions, transitions.sessionTasks),
  });
  // While held, session executions wait to run until released (see `holdSessionWorkflows`).
  let held: SessionWorkflowInput[] | undefined;
  const heldOrRun = {
    start: async (input: SessionWorkflowInput) => {
      if (!held) return sessions.start(input);
      held.push(input);
      return { executionName: input.sessionId };
    },
  };
  const services = {
    ...(await loadServices(config, db, { local: true })),
    settlement,
    sessions: heldOrRun,
  };
  const deps: AppDeps = {
    db,
    config,
    keys,
    email: new OutboxEmailSender(join(config.DATA_DIR, "outbox")),
    services,
  };
  const server = createAdaptorServer({ fetch: createApp(deps).fetch }) as Server;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  // Built as createDb builds the app's client, so both sides pay the same SDK costs.
  const raw = DynamoDBDocumentClient.from(
    withoutSdkCallLog(
      new DynamoDBClient({
        region: "us-east-1",
        endpoint,
        credentials: { accessKeyId: "local", secretAccessKey: "local" },
        maxAttempts: 3,
        requestHandler: { httpAgent: { keepAlive: true, maxSockets: 256 } },
      }),
    ),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  const rawMeter = meterDynamo({ client: raw, table: config.TABLE_NAME }, { endpoint });
  return {
    config,
    deps,
    ctx,
    settlement,
    transitions,
    keys,
    meter,
    raw,
    rawMeter,
    origin: `http://127.0.0.1:${port}`,
    server,
    holdSessionWorkflows() {
      held ??= [];
    },
    async releaseSessionWorkflows() {
      const inputs = held ?? [];
      held = undefined;
      for (const input of inputs) await sessions.start(input);
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // A settlement marks its market done before it ranks; a run still writing when
      // DynamoDB Local stops would fail with ECONNREFUSED. Bounded: a stop never hangs.
      const idle = Promise.all([settlement.idle(), sessions.idle()]);
      const gaveUp = await Promise.race([
        idle.then(() => false),
        new Promise<boolean>((resolve) => setTimeout(resolve, workflowDrainMs, true).unref()),
      ]);
      if (gaveUp) process.stderr.write("stack: stopping with workflow runs still in flight\n");
      raw.destroy();
      meter.destroy();
      rawMeter.destroy();
      await dynamo?.stop();
    },
  };
}
