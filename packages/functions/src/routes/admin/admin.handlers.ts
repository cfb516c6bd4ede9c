import type { RouteHandler } from "@hono/zod-openapi";
import { postAdminCredit } from "@market/core/admin";
import type { AppEnv } from "../../http/env";
import { toTransaction } from "../transactions/transactions.handlers";
import type { adminCreditsRoute } from "./admin.routes";

export const adminCredits: RouteHandler<typeof adminCreditsRoute, AppEnv> = async (c) => {
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
