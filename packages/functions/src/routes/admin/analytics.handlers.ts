import { creditAnalytics } from "@market/core/analytics";
import { predictionAnalytics } from "@market/core/predictions";
import type { AppRouteHandler } from "../../http/route-kinds";
import type * as routes from "./analytics.routes";

export const analytics: AppRouteHandler<typeof routes.analytics> = async (c) => {
  const { days } = c.req.valid("query");
  return c.json(await predictionAnalytics(c.var.core, c.var.services.models.list(), days), 200);
};

export const credits: AppRouteHandler<typeof routes.credits> = async (c) => {
  return c.json(await creditAnalytics(c.var.core, c.req.valid("query").days), 200);
};
