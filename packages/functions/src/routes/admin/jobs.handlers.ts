import { rebuildAggregates as rebuildAggregatesNow } from "@market/core/derived";
import type { AppRouteHandler } from "../../http/route-kinds";
import { runMarketSync, runResolutionPoll } from "../../jobs/markets";
import { runRankingJob } from "../../jobs/ranking";
import { runReconcile } from "../../jobs/reconcile";
import { runSessionSweep } from "../../jobs/sessions";
import { auditJobRun } from "./audit-actions";
import type * as routes from "./jobs.routes";

export const reconcile: AppRouteHandler<typeof routes.reconcile> = async (c) => {
  await auditJobRun(c, "reconcile");
  return c.json(await runReconcile(c.var.core), 200);
};

export const rebuildAggregates: AppRouteHandler<typeof routes.rebuildAggregates> = async (c) => {
  await auditJobRun(c, "rebuild-aggregates");
  return c.json(await rebuildAggregatesNow(c.var.core), 200);
};

export const rankingJob: AppRouteHandler<typeof routes.rankingJob> = async (c) => {
  await auditJobRun(c, "ranking");
  return c.json(await runRankingJob(c.var.core, "admin"), 200);
};

export const sessionSweep: AppRouteHandler<typeof routes.sessionSweep> = async (c) => {
  await auditJobRun(c, "session-sweep");
  return c.json(await runSessionSweep(c.var.core), 200);
};

export const marketSync: AppRouteHandler<typeof routes.marketSync> = async (c) => {
  await auditJobRun(c, "market-sync");
  return c.json(await runMarketSync(c.var.core, c.var.services), 200);
};

export const resolutionPoll: AppRouteHandler<typeof routes.resolutionPoll> = async (c) => {
  await auditJobRun(c, "resolution-poll");
  return c.json(await runResolutionPoll(c.var.core, c.var.services), 200);
};
