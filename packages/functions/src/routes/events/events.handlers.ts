import type { AppRouteHandler } from "../../http/route-kinds";
import { uiEventMetrics } from "../../metrics";
import type * as routes from "./events.routes";

export const record: AppRouteHandler<typeof routes.record> = (c) => {
  uiEventMetrics({ ...c.req.valid("json"), userId: c.get("caller")?.userId });
  return c.body(null, 204);
};
