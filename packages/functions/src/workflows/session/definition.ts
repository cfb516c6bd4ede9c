import type { StateMachineDefinition } from "aws-local-stepfunctions";
import asl from "./session.asl.json";

export interface SessionDefinitionOptions {
  /** SESSION_TIMEOUT_SECONDS: the execution's TimeoutSeconds. */
  timeoutSeconds: number;
  /** MODEL_CONCURRENCY: the model Map's MaxConcurrency. */
  modelConcurrency: number;
}

/**
 * The session workflow's tasks, written once. From a task's name come its ASL
 * placeholder (`RunModelFunctionArn`, filled with a Lambda ARN in AWS and a
 * local handler here), its export of `handlers/session.ts` and key in the task
 * table (`runModel`), its CDK function (`SessionRunModel`) and the name
 * `WORKFLOW_FAULTS` targets (`crash-after:RunModel`).
 */
export const sessionTasks = [
  "MarkStep",
  "Research",
  "RunModel",
  "RecordModelFailure",
  "Finalize",
  "Refund",
] as const;
export type SessionTaskName = (typeof sessionTasks)[number];
/** A task's Lambda export and key in the task table: `runModel`. */
export type SessionTaskKey = Uncapitalize<SessionTaskName>;

export const placeholderOf = (task: SessionTaskName) => `${task}FunctionArn` as const;
export const taskKeyOf = (task: SessionTaskName) =>
  `${task.charAt(0).toLowerCase()}${task.slice(1)}` as SessionTaskKey;

/** The ASL's task placeholders. */
export const sessionPlaceholders = sessionTasks.map(placeholderOf);

/** A value for every task, made from its name: `perTask((task) => lambdaFor(task))`. */
export function perTask<T>(make: (task: SessionTaskName) => T): Record<SessionTaskName, T> {
  return Object.fromEntries(sessionTasks.map((task) => [task, make(task)])) as Record<
    SessionTaskName,
    T
  >;
}

/**
 * The session workflow as deployed and as run locally: the ASL file with its
 * two configurable numbers set. The CDK construct and the local engine both
 * call this, so they cannot drift apart.
 */
export function sessionDefinition(options: SessionDefinitionOptions): StateMachineDefinition {
  const definition = structuredClone(asl) as unknown as {
    TimeoutSeconds: number;
    States: Record<string, { MaxConcurrency?: number }>;
  };
  definition.TimeoutSeconds = Math.max(1, options.timeoutSeconds);
  const map = definition.States["Run each selected model"];
  if (map) map.MaxConcurrency = Math.max(1, options.modelConcurrency);
  return definition as unknown as StateMachineDefinition;
}
