import { readCreditFlows } from "@market/core/analytics";
import type { AppRouteHandler } from "../../http/route-kinds";
import type * as routes from "./credit-flows.routes";

export const getMyCreditFlows: AppRouteHandler<typeof routes.getMyCreditFlows> = async (c) => {
  const { weeks } = c.req.valid("query");
  return c.json(await readCreditFlows(c.var.core, c.var.caller.userId, weeks), 200);
};
