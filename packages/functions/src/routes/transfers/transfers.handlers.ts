import { sendCredits } from "@market/core/transfers";
import type { AppRouteHandler } from "../../http/route-kinds";
import type * as routes from "./transfers.routes";

export const send: AppRouteHandler<typeof routes.send> = async (c) => {
  const { toUsername, amount, note } = c.req.valid("json");
  const sent = await sendCredits(c.var.core, {
    fromUserId: c.var.caller.userId,
    toUsername,
    amount: amount as number,
    note,
    idempotencyKey: c.req.valid("header")["idempotency-key"],
  });
  const { transferId, replayed: _, ...rest } = sent;
  return c.json({ id: transferId, ...rest }, 201);
};
