import { predictionQuota } from "@market/core/predictions";
import type { AppRouteHandler } from "../../http/route-kinds";
import type * as routes from "./quota.routes";

export const getQuota: AppRouteHandler<typeof routes.getQuota> = async (c) => {
  const { perHour, perDay } = await predictionQuota(c.var.core, c.var.caller.userId);
  const view = (standing: typeof perHour) => ({
    ...standing,
    resetAt: standing.resetAt.toISOString(),
  });
  return c.json({ perHour: view(perHour), perDay: view(perDay) }, 200);
};
