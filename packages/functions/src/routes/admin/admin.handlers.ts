import { Ledger } from "@market/core";
import type { AppRouteHandler } from "../../http/routes";
import { toTransaction } from "../transactions/transactions.handlers";
import type * as routes from "./admin.routes";

export const postCredits: AppRouteHandler<typeof routes.postCredits> = async (c) => {
  const { userId, type, amount, reason } = c.req.valid("json");
  const clientKey = c.req.valid("header")["idempotency-key"] ?? c.var.core.newId();
  const admin = c.var.caller.userId;
  const posting = await Ledger.postAdminMovement(c.var.core, {
    userId,
    type,
    amount,
    reason,
    referenceId: admin,
    idempotencyKey: `admin_credits#${admin}#${clientKey}`,
  });
  return c.json({ transaction: toTransaction(posting), newBalance: posting.balanceAfter }, 201);
};
