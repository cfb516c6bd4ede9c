/**
 * `npm start`: the whole product on one machine. Starts DynamoDB Local (unless
 * DYNAMODB_ENDPOINT points at a DynamoDB already), creates the table, and serves
 * the API and the built SPA with @hono/node-server. Ctrl-C stops everything.
 *
 * Environment: the app's (see packages/core/src/config.ts: PORT, DATA_DIR,
 * TABLE_NAME, DYNAMODB_ENDPOINT, ...) plus HOST, the address to listen on
 * (default 127.0.0.1; 0.0.0.0 to reach it from other machines, which also needs
 * ALLOW_EXPOSED_DYNAMODB=true while it starts DynamoDB Local: see below).
 */
import { existsSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { createAdaptorServer } from "@hono/node-server";
import { type Config, loadConfig } from "@market/core/config";
import { createContext } from "@market/core/context";
import { ensureTable } from "@market/core/db";
import { type LocalStreamReader, localStreamReader } from "@market/core/derived/local-stream";
import { apiBase, createApp } from "@market/functions/app";
import { loadAppDeps } from "@market/functions/deps";
import {
  type DynamoDbLocal,
  ensureDynamoDbLocalJar,
  makePrivateDir,
  startDynamoDbLocal,
} from "./dynamodb-local";
import { removeEndpointFile, writeEndpointFile } from "./lib/endpoint-file";
import { isPortFree } from "./lib/free-port";
import { startLocalSchedules } from "./lib/local-schedules";
import { repoRoot } from "./lib/paths";

const webDistDir = join(repoRoot, "packages", "web", "dist");
/** Past this, a shutdown stops waiting (the exit hook still kills Java). */
const shutdownTimeoutMs = 10_000;

/** What is running, so a shutdown from any point of the startup stops exactly that. */
interface Running {
  server?: Server;
  dynamo?: DynamoDbLocal;
  schedules?: { stop: () => void };
  /** The derived-data consumer reading the table's stream (what Lambda does in AWS). */
  derived?: LocalStreamReader;
  /** Set while our DynamoDB Local's endpoint is noted there for admin scripts. */
  dataDir?: string;
  stopping?: boolean;
}

/** 127.0.0.0/8, ::1 and localhost: reachable from this machine only. */
function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

async function main(running: Running): Promise<void> {
  const host = process.env.HOST || "127.0.0.1";
  let config = loadConfig(process.env);
  // DynamoDB Local cannot bind an address (no such option in its -help) and so
  // listens on every interface, with any credentials: whoever reaches this
  // machine can read and change every balance. Serving the app beyond loopback
  // says the machine is on a network others reach, so that is refused unless
  // the operator says they firewalled DynamoDB Local's port (SECURITY.md).
  if (
    !isLoopback(host) &&
    !config.DYNAMODB_ENDPOINT &&
    process.env.ALLOW_EXPOSED_DYNAMODB !== "true"
  ) {
    throw new Error(
      `HOST=${host} serves beyond this machine, and DynamoDB Local (which cannot be bound to loopback) ` +
        "would listen on every interface with no authentication. Firewall its port, then set " +
        "ALLOW_EXPOSED_DYNAMODB=true; or point DYNAMODB_ENDPOINT at a DynamoDB of your own; or keep HOST on loopback.",
    );
  }
  // Say so now rather than after DynamoDB Local has started (listen() still catches a race).
  if (config.PORT !== 0 && !(await isPortFree(config.PORT, host))) {
    throw Object.assign(new Error(`Port ${config.PORT} is in use`), { code: "EADDRINUSE" });
  }
  // DATA_DIR holds the database, the outbox and the JWT key: the owner's only.
  await makePrivateDir(config.DATA_DIR);
  if (!config.DYNAMODB_ENDPOINT) {
    await ensureDynamoDbLocalJar(console.log);
    console.log("Starting DynamoDB Local...");
    running.dynamo = await startDynamoDbLocal({ dbPath: join(config.DATA_DIR, "dynamodb") });
    watchDynamo(running, running.dynamo);
    config = { ...config, DYNAMODB_ENDPOINT: running.dynamo.endpoint };
    // Anything else in this process that reads the environment reaches the same DynamoDB.
    process.env.DYNAMODB_ENDPOINT = running.dynamo.endpoint;
    writeEndpointFile(config.DATA_DIR, running.dynamo.endpoint);
    running.dataDir = config.DATA_DIR;
  }

  const deps = await loadAppDeps(config, { local: true });
  await ensureTable(deps.db);
  // The consumer sends payout emails through the app's sender (the outbox, locally).
  running.derived = localStreamReader(
    { ...createContext({ db: deps.db, config }), email: deps.email },
    {
      onError: (error) => console.error("Derived data: a stream poll failed; retrying", error),
    },
  ).start();
  const app = createApp({ ...deps, webDistDir });

  // Without server options @hono/node-server makes a plain node:http server.
  running.server = createAdaptorServer({ fetch: app.fetch }) as Server;
  const address = await listen(running.server, config.PORT, host);
  printSummary(config, address, running.dynamo);
  running.schedules = startLocalSchedules(
    createContext({ db: deps.db, config }),
    deps.services,
    config,
  );
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => {
      server.off("error", fail);
      done(server.address() as AddressInfo);
    });
  });
}

function printSummary(config: Config, address: AddressInfo, dynamo?: DynamoDbLocal): void {
  const origin = `http://${urlHost(address)}:${address.port}`;
  const web = existsSync(join(webDistDir, "index.html"))
    ? `${origin}/`
    : `${origin}/  (web app not built: npm run build:web)`;
  const database = dynamo
    ? `${dynamo.endpoint}  (DynamoDB Local, pid ${dynamo.pid})`
    : `${config.DYNAMODB_ENDPOINT}  (from DYNAMODB_ENDPOINT)`;
  console.log(
    [
      "",
      "Credits Market is running",
      `  App        ${web}`,
      `  API        ${origin}${apiBase}`,
      `  API docs   ${origin}${apiBase}/docs`,
      `  OpenAPI    ${origin}${apiBase}/openapi.json`,
      `  Health     ${origin}${apiBase}/health`,
      `  DynamoDB   ${database}, table ${config.TABLE_NAME}`,
      `  Data       ${resolve(config.DATA_DIR)}`,
      `  Markets    ${config.POLYMARKET_GAMMA_URL ?? "bundled demo data (set POLYMARKET_GAMMA_URL for live)"}, synced every ${config.MARKET_SYNC_INTERVAL_SECONDS} s`,
      "Press Ctrl-C to stop.",
      "",
    ].join("\n"),
  );
}

/** A wildcard bind is reachable on loopback; print an address a browser can open. */
function urlHost(address: AddressInfo): string {
  if (address.address === "0.0.0.0" || address.address === "::") return "localhost";
  return address.family === "IPv6" ? `[${address.address}]` : address.address;
}

/** Ctrl-C and SIGTERM stop cleanly (exit 0); a crash stops Java and exits 1. */
function handleShutdown(running: Running): void {
  const onSignal = () => {
    // A second Ctrl-C while stopping means "now": the exit hook still kills Java.
    if (running.stopping) process.exit(1);
    void shutDown(running, 0);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const onCrash = (error: unknown) => {
    console.error("Crashed:", error);
    void shutDown(running, 1);
  };
  process.on("uncaughtException", onCrash);
  process.on("unhandledRejection", onCrash);
}

/** The app needs its database: if Java dies under it, say so and stop. */
function watchDynamo(running: Running, dynamo: DynamoDbLocal): void {
  void dynamo.exited.then(({ code, signal }) => {
    if (running.stopping) return;
    console.error(`DynamoDB Local stopped unexpectedly (${signal ?? `exit code ${code}`}).`);
    void shutDown(running, 1);
  });
}

async function shutDown(running: Running, exitCode: number): Promise<never> {
  if (!running.stopping) {
    running.stopping = true;
    setTimeout(() => process.exit(exitCode || 1), shutdownTimeoutMs).unref();
    if (exitCode === 0) console.log("Stopping...");
    running.schedules?.stop();
    await running.derived?.stop();
    if (running.dataDir) removeEndpointFile(running.dataDir);
    await closeServer(running.server);
    await running.dynamo?.stop();
  }
  process.exit(exitCode);
}

function closeServer(server: Server | undefined): Promise<void> {
  if (!server?.listening) return Promise.resolve();
  return new Promise((done) => {
    server.close(() => done());
    // close() waits for open connections; idle keep-alive ones must not hold the exit.
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 2_000).unref();
  });
}

/** Startup failures are usually the environment's: one clear line, the stack only when debugging. */
function describeStartupError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EADDRINUSE") {
    const { PORT = "3000", HOST = "127.0.0.1" } = process.env;
    return `Port ${PORT} on ${HOST} is already in use: stop what runs there, or pick another port (PORT=3001 npm start).`;
  }
  if (process.env.LOG_LEVEL === "DEBUG") return error.stack ?? error.message;
  const cause = error.cause instanceof Error ? `\n  cause: ${error.cause.message}` : "";
  return `Could not start: ${error.message}${cause}`;
}

const running: Running = {};
handleShutdown(running);
main(running).catch((error: unknown) => {
  console.error(describeStartupError(error));
  void shutDown(running, 1);
});
