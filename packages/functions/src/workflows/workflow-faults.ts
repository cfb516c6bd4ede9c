import { type SessionTaskName, sessionTasks } from "./session/definition";

/** Tasks fault injection can target: every task but the compensating refund. */
export const faultableTasks = sessionTasks.filter(
  (task): task is FaultableTask => task !== "Refund",
);
export type FaultableTask = Exclude<SessionTaskName, "Refund">;

/** An injected crash: a plain task failure, outside any model, that no Retry matches. */
export class InjectedCrash extends Error {
  constructor(task: string) {
    super(`Injected crash after ${task} (WORKFLOW_FAULTS)`);
    this.name = "InjectedCrash";
  }
}

/**
 * `WORKFLOW_FAULTS`, e.g. `crash-after:Research`: the named task does its work
 * and then fails, as a Lambda that crashes on its way out would. Only for tests
 * and demos; unset means no faults.
 */
export function parseWorkflowFaults(spec: string | undefined): Set<FaultableTask> {
  const crashes = new Set<FaultableTask>();
  for (const part of (spec ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean)) {
    const [kind, task] = part.split(":");
    if (kind !== "crash-after" || !faultableTasks.includes(task as FaultableTask)) {
      throw new Error(
        `WORKFLOW_FAULTS: "${part}" is not crash-after:<${faultableTasks.join("|")}>`,
      );
    }
    crashes.add(task as FaultableTask);
  }
  return crashes;
}
