import { postAdminCredit } from "@market/core/admin";
import { toTransactionView } from "@market/core/ledger";
import type { AppRouteHandler } from "../../http/route-kinds";
import type * as routes from "./credits.routes";

export const postCredits: AppRouteHandler<typeof routes.postCredits> = async (c) => {
  const { userId, type, amount, reason } = c.req.valid("json");
  const posting = await postAdminCredit(c.var.core, {
    adminId: c.var.caller.userId,
    userId,
    type,
    amount,
    reason,
    idempotencyKey: c.req.valid("header")["idempotency-key"],
  });
  return c.json({ transaction: toTransactionView(posting), newBalance: posting.balanceAfter }, 201);
};
