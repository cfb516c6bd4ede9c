import type { RouteHandler } from "@hono/zod-openapi";
import { predictionAnalytics } from "@market/core/predictions";
import type { AppEnv } from "../../http/env";
import { runSessionSweep } from "../../jobs/sessions";
import type { predictionAnalyticsRoute, sessionSweepRoute } from "./predictions.routes";

export const predictionAnalyticsHandler: RouteHandler<
  typeof predictionAnalyticsRoute,
  AppEnv
> = async (c) => {
  const { days } = c.req.valid("query");
  return c.json(await predictionAnalytics(c.var.core, c.var.services.models.list(), days), 200);
};

export const sessionSweepHandler: RouteHandler<typeof sessionSweepRoute, AppEnv> = async (c) => {
  return c.json(await runSessionSweep(c.var.core), 200);
};
