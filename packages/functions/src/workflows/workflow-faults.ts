/** Task names fault injection can target (the ASL placeholders without `FunctionArn`). */
export const sessionTaskNames = [
  "MarkStep",
  "Research",
  "RunModel",
  "RecordModelFailure",
  "Finalize",
] as const;
export type SessionTaskName = (typeof sessionTaskNames)[number];

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
export function parseWorkflowFaults(spec: string | undefined): Set<SessionTaskName> {
  const crashes = new Set<SessionTaskName>();
  for (const part of (spec ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean)) {
    const [kind, task] = part.split(":");
    if (kind !== "crash-after" || !sessionTaskNames.includes(task as SessionTaskName)) {
      throw new Error(
        `WORKFLOW_FAULTS: "${part}" is not crash-after:<${sessionTaskNames.join("|")}>`,
      );
    }
    crashes.add(task as SessionTaskName);
  }
  return crashes;
}
