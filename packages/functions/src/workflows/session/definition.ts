import type { StateMachineDefinition } from "aws-local-stepfunctions";
import asl from "./session.asl.json";

export interface SessionDefinitionOptions {
  /** SESSION_TIMEOUT_SECONDS: the execution's TimeoutSeconds. */
  timeoutSeconds: number;
  /** MODEL_CONCURRENCY: the model Map's MaxConcurrency. */
  modelConcurrency: number;
}

/** The ASL's task placeholders, filled with Lambda ARNs in AWS and local handlers here. */
export const sessionPlaceholders = [
  "MarkStepFunctionArn",
  "ResearchFunctionArn",
  "RunModelFunctionArn",
  "RecordModelFailureFunctionArn",
  "FinalizeFunctionArn",
  "RefundFunctionArn",
] as const;

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
