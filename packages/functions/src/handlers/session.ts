import { createDb, loadConfig } from "@market/core";
import { z } from "zod";
import { sessionTaskDeps } from "../deps";
import { runSessionSweep } from "../jobs/sessions";
import { withBoundSecrets } from "../secrets";
import {
  finalizeTask,
  markStepTask,
  onSessionExecutionEnded,
  recordModelFailureTask,
  refundTask,
  researchTask,
  runModelTask,
} from "../workflows/session/tasks";
import { configureLambdaRuntime } from "./lambda-runtime";
import { taskHandler } from "./task-middleware";

configureLambdaRuntime();
// Built once per Lambda container (cold start), then reused by every invocation.
const config = await withBoundSecrets(loadConfig());
const deps = sessionTaskDeps(
  config,
  createDb({
    table: config.TABLE_NAME,
    endpoint: config.DYNAMODB_ENDPOINT,
    region: config.AWS_REGION,
  }),
);

export const markStep = taskHandler("markStep", (event) => markStepTask(event, deps));
export const research = taskHandler("research", (event) => researchTask(event, deps));
export const runModel = taskHandler("runModel", (event) => runModelTask(event, deps));
export const recordModelFailure = taskHandler("recordModelFailure", (event) =>
  recordModelFailureTask(event, deps),
);
export const finalize = taskHandler("finalize", (event) => finalizeTask(event, deps));
export const refund = taskHandler("refund", (event) => refundTask(event, deps));

/** EventBridge "Step Functions Execution Status Change" (FAILED, TIMED_OUT, ABORTED). */
const statusChange = z.object({
  detail: z.object({ name: z.string(), status: z.string() }),
});
export const onExecutionStatusChange = taskHandler("onExecutionStatusChange", async (event) => {
  const { detail } = statusChange.parse(event);
  await onSessionExecutionEnded(deps.ctx, detail.name, detail.status);
});

/** EventBridge, hourly. */
export const sweeper = taskHandler("sweeper", () => runSessionSweep(deps.ctx));
