/**
 * Starts AWS's DynamoDB Local (Java) for `npm start` and the tests, and stops it
 * again without leaving a Java process behind.
 *
 * Run directly (`npm run dynamodb -- [--in-memory] [--port N] [--db-path DIR]`) it
 * starts one, creates the app's table (TABLE_NAME) and waits for Ctrl-C; point
 * `DYNAMODB_ENDPOINT` at the printed endpoint to use it from elsewhere.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { chmod, mkdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { loadConfig } from "@market/core/config";
import { createDb, ensureTable } from "@market/core/db";
import { killWithParent, stopChild } from "./lib/child-lifetime";
import { ensureDynamoDbLocalJar } from "./lib/dynamodb-local-jar";
import { findFreePort, isPortFree } from "./lib/free-port";
import { findJava, javaCommandLine } from "./lib/java";
import { isEntryPoint } from "./lib/paths";

export { ensureDynamoDbLocalJar } from "./lib/dynamodb-local-jar";
export { JavaNotFoundError } from "./lib/java";

export interface DynamoDbLocalOptions {
  /** Keep the tables in memory only; the default when no `dbPath` is given. */
  inMemory?: boolean;
  /** Keep the tables in a file under this folder (created if missing), so they survive restarts. */
  dbPath?: string;
  /** Listen on this port; by default on a free one. */
  port?: number;
  /** Receives each line DynamoDB Local prints. */
  log?: (line: string) => void;
  /** How long to wait for it to answer (default 30 s; a JVM on a busy machine may need more). */
  readyTimeoutMs?: number;
}

/** How the Java process ended. */
export interface JavaExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface DynamoDbLocal {
  /** `http://127.0.0.1:<port>`, for `DYNAMODB_ENDPOINT` or `createDb({ endpoint })`. */
  endpoint: string;
  port: number;
  /** The Java process. */
  pid: number;
  /** Settles when Java exits, whether through `stop()` or not. */
  exited: Promise<JavaExit>;
  /** Stops Java (SIGTERM, then SIGKILL after 5 s); resolves once it has exited. */
  stop(): Promise<void>;
}

/** DynamoDB Local could not bind its port. */
export class PortInUseError extends Error {
  override name = "PortInUseError";
  readonly code = "PORT_IN_USE";

  constructor(readonly port: number) {
    super(`Port ${port} is already in use; DynamoDB Local cannot listen on it`);
  }
}

const defaultReadyTimeoutMs = 30_000;
/** The only origin DynamoDB Local's CORS allows: one no browser can be on. */
export const noBrowserOrigin = "https://dynamodb-local.invalid";

/** Creates `dir` (and parents) and makes it 0700, also when it existed with wider rights. */
export async function makePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
}
const outputLinesKept = 40;

/**
 * Starts DynamoDB Local and resolves once it answers requests. Throws
 * `JavaNotFoundError` (with install instructions) when there is no Java, and an
 * error carrying Java's last output when it fails to start.
 */
export async function startDynamoDbLocal(
  options: DynamoDbLocalOptions = {},
): Promise<DynamoDbLocal> {
  if (options.inMemory && options.dbPath) throw new Error("Pass inMemory or dbPath, not both");
  const java = await findJava();
  const emulatorDir = await ensureDynamoDbLocalJar();
  // Private: the database holds every account's data. Only the owner may enter the folder.
  if (options.dbPath) await makePrivateDir(options.dbPath);

  // A port we picked can be taken before Java binds it; then picking another is ours to do.
  const attempts = options.port === undefined ? 3 : 1;
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await findFreePort());
    try {
      return await launch({ java, emulatorDir, port, options });
    } catch (error) {
      if (!(error instanceof PortInUseError) || attempt >= attempts) throw error;
    }
  }
}

interface LaunchPlan {
  java: string;
  emulatorDir: string;
  port: number;
  options: DynamoDbLocalOptions;
}

async function launch({ java, emulatorDir, port, options }: LaunchPlan): Promise<DynamoDbLocal> {
  // DynamoDB Local does not exit when its bind fails, and another server on the
  // port would answer the readiness check in its place: check first.
  if (!(await isPortFree(port))) throw new PortInUseError(port);
  const dbPath = options.dbPath ? resolve(options.dbPath) : undefined;
  const { command, args } = javaCommandLine(java, [
    `-Djava.library.path=${join(emulatorDir, "DynamoDBLocal_lib")}`,
    "-jar",
    join(emulatorDir, "DynamoDBLocal.jar"),
    "-port",
    String(port),
    ...(dbPath ? ["-dbPath", dbPath] : ["-inMemory"]),
    // One database whatever the credentials and region, so every client sees the same tables.
    "-sharedDb",
    "-disableTelemetry",
    // Its default is `*`: any web page the developer opens could read and write the
    // tables through the browser. No browser needs it, so allow no real origin.
    "-cors",
    noBrowserOrigin,
  ]);
  // DynamoDB Local has no option to bind an address (see its -help): it listens on
  // every interface. Its files at least are the owner's only (umask 077 for Java).
  const previousUmask = process.umask(0o077);
  let child: ChildProcess;
  try {
    child = spawn(command, args, {
      // DynamoDB Local writes a metadata file into its working directory.
      cwd: dbPath ?? dirname(emulatorDir),
      stdio: ["ignore", "pipe", "pipe"],
    });
  } finally {
    process.umask(previousUmask);
  }
  killWithParent(child);
  const exited = new Promise<JavaExit>((done) =>
    child.once("exit", (code, signal) => done({ code, signal })),
  );
  const output = watchOutput(child, options.log);

  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilAnswering(endpoint, child, output, options.readyTimeoutMs);
  } catch (error) {
    await stopChild(child, 1_000);
    throw error;
  }
  return { endpoint, port, pid: child.pid ?? 0, exited, stop: () => stopChild(child) };
}

interface Output {
  /** The last lines printed, for error messages. */
  lines: string[];
  /** Set when Java reports a failure it will not recover from (it may not exit by itself). */
  failure?: "port-in-use" | "crashed";
}

function watchOutput(child: ChildProcess, log?: (line: string) => void): Output {
  const output: Output = { lines: [] };
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on("line", (line) => {
      log?.(line);
      output.lines.push(line);
      if (output.lines.length > outputLinesKept) output.lines.shift();
      // When Jetty cannot bind, main() dies but other threads keep the JVM alive.
      if (/BindException|Failed to bind/.test(line)) output.failure ??= "port-in-use";
      else if (line.startsWith('Exception in thread "main"')) output.failure ??= "crashed";
    });
  }
  return output;
}

async function waitUntilAnswering(
  endpoint: string,
  child: ChildProcess,
  output: Output,
  readyTimeoutMs = defaultReadyTimeoutMs,
): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 2_000 },
  });
  const deadline = Date.now() + readyTimeoutMs;
  try {
    for (;;) {
      if (output.failure === "port-in-use")
        throw new PortInUseError(Number(new URL(endpoint).port));
      if (output.failure || child.exitCode !== null || child.signalCode !== null) {
        throw startFailure("DynamoDB Local failed to start", output);
      }
      if (Date.now() > deadline) {
        throw startFailure(
          `DynamoDB Local did not answer within ${readyTimeoutMs / 1000} s`,
          output,
        );
      }
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        await sleep(100);
      }
    }
  } finally {
    client.destroy();
  }
}

function startFailure(summary: string, output: Output): Error {
  const tail = output.lines.length ? output.lines.join("\n") : "(no output)";
  return new Error(`${summary}. Its last output:\n${tail}`);
}

/** `tsx scripts/dynamodb-local.ts`: start one, create the table, wait for Ctrl-C. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      "in-memory": { type: "boolean", default: false },
      port: { type: "string" },
      "db-path": { type: "string" },
    },
  });
  const config = loadConfig();
  const dbPath = values["in-memory"]
    ? undefined
    : (values["db-path"] ?? join(config.DATA_DIR, "dynamodb"));
  await ensureDynamoDbLocalJar(console.log);
  const dynamo = await startDynamoDbLocal({
    ...(dbPath ? { dbPath } : { inMemory: true }),
    ...(values.port ? { port: Number(values.port) } : {}),
  });
  const db = createDb({ table: config.TABLE_NAME, endpoint: dynamo.endpoint });
  const table = await ensureTable(db);

  console.log(`DynamoDB Local  ${dynamo.endpoint}  (pid ${dynamo.pid})`);
  console.log(`  storage       ${dbPath ? resolve(dbPath) : "in memory"}`);
  console.log(`  table         ${config.TABLE_NAME} (${table})`);
  console.log(`  use it with   DYNAMODB_ENDPOINT=${dynamo.endpoint}`);
  console.log("Press Ctrl-C to stop.");

  let stopping = false;
  const shutDown = async () => {
    stopping = true;
    await dynamo.stop();
    process.exit(0);
  };
  process.once("SIGINT", shutDown);
  process.once("SIGTERM", shutDown);
  const { code, signal } = await dynamo.exited;
  if (stopping) return;
  console.error(`DynamoDB Local exited on its own (${signal ?? `code ${code}`}).`);
  process.exit(1);
}

if (isEntryPoint(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
