import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { join } from "node:path";
import { benchLimits } from "../bench/stack";
import { type DynamoDbLocal, startDynamoDbLocal } from "../dynamodb-local";
import { killWithParent, stopChild } from "../lib/child-lifetime";
import { repoRoot } from "../lib/paths";
import { sleep } from "./driver";

export interface SoakProcessOptions {
  dataDir: string;
  tableName: string;
  dynamoPort: number;
  apiPort: number;
  /** The API's environment on top of this process's (secret, timeouts, faults). */
  apiEnv: Record<string, string>;
  /** Where the API's stdout and stderr go (appended across restarts). */
  apiLogPath: string;
}

/**
 * The two processes the soak kills: DynamoDB Local on disk (a restart on the
 * same port and files keeps the data) and the API (`scripts/start.ts`) in a
 * child process. Both die with this process.
 */
export class SoakProcesses {
  private dynamo: DynamoDbLocal | undefined;
  private api: ChildProcess | undefined;

  constructor(private readonly options: SoakProcessOptions) {}

  get endpoint(): string {
    return `http://127.0.0.1:${this.options.dynamoPort}`;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.options.apiPort}`;
  }

  async startDynamo(): Promise<void> {
    this.dynamo = await startDynamoDbLocal({
      dbPath: join(this.options.dataDir, "dynamodb"),
      port: this.options.dynamoPort,
      // A JVM starting beside a loaded API on a busy machine can take more than the default.
      readyTimeoutMs: 120_000,
    });
  }

  /** SIGKILL: no flush, no goodbye, as a crashed host. */
  async killDynamo(): Promise<void> {
    const current = this.dynamo;
    if (!current) return;
    process.kill(current.pid, "SIGKILL");
    await current.exited;
    this.dynamo = undefined;
  }

  /** Starts the API with `extra` in its environment; resolves once it answers /health. */
  async startApi(extra: Record<string, string> = {}): Promise<void> {
    const log = openSync(this.options.apiLogPath, "a");
    const child = spawn(
      join(repoRoot, "node_modules", ".bin", "node"),
      ["--import", "tsx", join(repoRoot, "scripts", "start.ts")],
      {
        cwd: repoRoot,
        env: {
          ...process.env,
          ...benchLimits,
          ...this.options.apiEnv,
          PORT: String(this.options.apiPort),
          HOST: "127.0.0.1",
          DYNAMODB_ENDPOINT: this.endpoint,
          TABLE_NAME: this.options.tableName,
          DATA_DIR: this.options.dataDir,
          ...extra,
        },
        // Its log lines (the errors a fault causes are expected) go to a file, not the report.
        stdio: ["ignore", log, log],
      },
    );
    closeSync(log);
    killWithParent(child);
    this.api = child;
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`API exited with ${child.exitCode}`);
      try {
        const response = await fetch(`${this.origin}/api/v1/health`);
        await response.arrayBuffer();
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await sleep(250);
    }
    throw new Error("API did not become healthy within 2 minutes");
  }

  /** SIGKILL: requests in flight are cut, workflow runs in it are lost mid-step. */
  async killApi(): Promise<void> {
    const child = this.api;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
  }

  async stop(): Promise<void> {
    if (this.api) await stopChild(this.api);
    await this.dynamo?.stop();
  }
}
