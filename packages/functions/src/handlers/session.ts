import { dbFromConfig, loadConfig } from "@market/core";
import { z } from "zod";
import { sessionTaskDeps } from "../deps";
import { runSessionSweep } from "../jobs/sessions";
import { withBoundSecrets } from "../secrets";
import { perTask, taskKeyOf } from "../workflows/session/definition";
import { onSessionExecutionEnded, sessionTaskRunners } from "../workflows/session/tasks";
import { configureLambdaRuntime } from "./lambda-runtime";
import { taskHandler } from "./task-middleware";

configureLambdaRuntime();
// Built once per Lambda container (cold start), then reused by every invocation.
const config = await withBoundSecrets(loadConfig());
const deps = sessionTaskDeps(config, dbFromConfig(config));

/** One Lambda handler per task of the ASL, from the task list (`definition.ts`). */
const tasks = perTask((task) =>
  taskHandler(taskKeyOf(task), (event) => sessionTaskRunners[task](event, deps)),
);

// ESM exports are static, so each is named here as `taskKeyOf` names it (the
// stack points each task's function at it; the synth test checks every one exists).
export const {
  MarkStep: markStep,
  Research: research,
  RunModel: runModel,
  RecordModelFailure: recordModelFailure,
  Finalize: finalize,
  Refund: refund,
} = tasks;

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
