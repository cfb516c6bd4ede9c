import { history, toTransactionsPage } from "@market/core/ledger";
import type { AppRouteHandler } from "../../http/route-kinds";
import type * as routes from "./transactions.routes";

export const listMine: AppRouteHandler<typeof routes.listMine> = async (c) => {
  const page = await history(c.var.core, c.var.caller.userId, c.req.valid("query"));
  return c.json(toTransactionsPage(page), 200);
};
