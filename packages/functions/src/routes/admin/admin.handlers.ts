import { postAdminCredit } from "@market/core/admin";
import type { AppRouteHandler } from "../../http/routes";
import { toTransaction } from "../transactions/transactions.handlers";
import type * as routes from "./admin.routes";

export const postCredits: AppRouteHandler<typeof routes.postCredits> = async (c) => {
  const { userId, type, amount, reason } = c.req.valid("json");
  const posting = await postAdminCredit(c.var.core, {
    adminId: c.var.caller.userId,
    userId,
    type,
    amount,
    reason,
    // Without a key a retry is a new grant; the SPA always sends one.
    idempotencyKey: c.req.valid("header")["idempotency-key"] ?? c.var.core.newId(),
  });
  return c.json({ transaction: toTransaction(posting), newBalance: posting.balanceAfter }, 201);
};
