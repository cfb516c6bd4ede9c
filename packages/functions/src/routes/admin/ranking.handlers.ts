import type { RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../http/env";
import { runRankingJob } from "../../jobs/ranking";
import type { rankingJobRoute } from "./ranking.routes";

export const rankingJobHandler: RouteHandler<typeof rankingJobRoute, AppEnv> = async (c) => {
  return c.json(await runRankingJob(c.var.core, "admin"), 200);
};
