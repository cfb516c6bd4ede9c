import { predictionAnalytics } from "@market/core/predictions";
import type { AppRouteHandler } from "../../http/routes";
import { runSessionSweep } from "../../jobs/sessions";
import type * as routes from "./predictions.routes";

export const analytics: AppRouteHandler<typeof routes.analytics> = async (c) => {
  const { days } = c.req.valid("query");
  return c.json(await predictionAnalytics(c.var.core, c.var.services.models.list(), days), 200);
};

export const sessionSweep: AppRouteHandler<typeof routes.sessionSweep> = async (c) => {
  return c.json(await runSessionSweep(c.var.core), 200);
};
