import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { constants } from "node:os";

const live = new Set<ChildProcess>();
const terminatingSignals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * Ties `child`'s life to this process: it is killed when this process exits
 * normally or crashes (the `exit` event also fires after an uncaught exception),
 * and when a terminating signal arrives that this program does not handle itself
 * (without a handler Node dies on the signal and `exit` never fires). Programs
 * with their own SIGINT/SIGTERM handlers keep control of the shutdown order; the
 * exit hook still catches whatever they leave running.
 */
export function killWithParent(child: ChildProcess): void {
  if (live.size === 0) {
    process.on("exit", killAllNow);
    for (const signal of terminatingSignals) process.on(signal, onSignal);
  }
  live.add(child);
  child.once("exit", () => {
    live.delete(child);
    if (live.size > 0) return;
    process.off("exit", killAllNow);
    for (const signal of terminatingSignals) process.off(signal, onSignal);
  });
}

/**
 * Asks `child` to stop (SIGTERM), and kills it (SIGKILL) if it has not exited
 * after `graceMs`. Resolves once it has exited.
 */
export async function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  try {
    await exited;
  } finally {
    clearTimeout(timer);
  }
}

/** Synchronous on purpose: nothing asynchronous runs inside an `exit` handler. */
function killAllNow(): void {
  for (const child of live) child.kill("SIGKILL");
}

function onSignal(signal: NodeJS.Signals): void {
  // Another listener owns the shutdown and will exit, which runs killAllNow.
  if (process.listenerCount(signal) > 1) return;
  killAllNow();
  process.exit(128 + (constants.signals[signal] ?? 0));
}
