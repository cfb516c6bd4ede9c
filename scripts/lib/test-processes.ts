/**
 * Helpers for the scripts' own tests, which run the scripts as real processes:
 * spawning them with tsx, reading what they print, and looking for Java
 * processes left behind.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { delimiter, dirname } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { repoRoot } from "./paths";

export interface ScriptRun {
  child: ChildProcess;
  /** Everything printed so far, stdout and stderr interleaved. */
  output(): string;
  /** Resolves with the exit code (or the signal) once the process has exited. */
  exited: Promise<number | NodeJS.Signals | null>;
}

/**
 * Runs `node --import tsx <script> ...args` from the repo root with this test's
 * Node (24) first on PATH, as `npm start` does. One process, so a signal reaches
 * the script itself (tsx's CLI would relay it to a child on a 30 ms timer).
 * `env` replaces the environment entirely.
 */
export function runScript(script: string, args: string[], env: NodeJS.ProcessEnv): ScriptRun {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: repoRoot,
    env: { ...env, PATH: withNodeFirst(env.PATH) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = once(child, "exit").then(([code, signal]) => (code ?? signal) as number | null);
  return { child, output: () => output, exited };
}

/** The environment of this process without the given variables. */
export function envWithout(...names: string[]): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of names) delete env[name];
  return env;
}

function withNodeFirst(path: string | undefined): string {
  const nodeDir = dirname(process.execPath);
  return path ? `${nodeDir}${delimiter}${path}` : nodeDir;
}

/** Waits until `pattern` shows in the run's output and returns its first group. */
export async function waitForOutput(run: ScriptRun, pattern: RegExp, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = pattern.exec(run.output());
    if (match) return match[1] ?? match[0];
    if (run.child.exitCode !== null || run.child.signalCode !== null) {
      throw new Error(`Exited before printing ${pattern}:\n${run.output()}`);
    }
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${pattern}:\n${run.output()}`);
    await sleep(100);
  }
}

/** Polls `url` until it answers 200; returns the JSON body. */
export async function waitForOk(url: string, timeoutMs = 60_000): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return await response.json();
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
    await sleep(200);
  }
}

/** Command lines of the running DynamoDB Local processes that mention `text`. */
export function dynamoDbLocalProcesses(text: string): string[] {
  const table = execFileSync("ps", ["-eo", "pid,args"], { encoding: "utf8" });
  return table
    .split("\n")
    .filter((line) => line.includes("DynamoDBLocal.jar") && line.includes(text));
}

/** Polls `check` until it returns true, for effects that land a moment later (a kernel kill). */
export async function eventually(check: () => boolean, timeoutMs = 5_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}
