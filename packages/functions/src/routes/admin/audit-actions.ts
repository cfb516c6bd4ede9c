import { recordAdminAction } from "@market/core/admin";
import type { Context } from "hono";
import type { AppEnv } from "../../http/env";

/** The reason recorded when an admin gave none (the field is optional for earlier clients). */
export const noReason = "(no reason given)";

/** Records that an admin ran a job now, before it runs (a run that fails is still an action). */
export function auditJobRun(c: Context<AppEnv>, job: string): Promise<void> {
  return recordAdminAction(c.var.core, {
    type: "job_run",
    adminId: c.var.caller.userId,
    subjectId: job,
    reason: "run now from the admin API",
  });
}
