import type { RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../http/env";
import { runReconcile } from "../../jobs/reconcile";
import type { reconcileRoute } from "./jobs.routes";

export const reconcile: RouteHandler<typeof reconcileRoute, AppEnv> = async (c) => {
  return c.json(await runReconcile(c.var.core), 200);
};
