import type { AppRouteHandler } from "../../http/routes";
import { runRankingJob } from "../../jobs/ranking";
import type * as routes from "./ranking.routes";

export const rankingJob: AppRouteHandler<typeof routes.rankingJob> = async (c) => {
  return c.json(await runRankingJob(c.var.core, "admin"), 200);
};
