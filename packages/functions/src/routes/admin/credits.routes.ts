import { z } from "@hono/zod-openapi";
import { adminRoute } from "../../http/route-kinds";
import { errorContent, idempotencyKeyHeaders, jsonBody } from "../../http/schemas";
import { TransactionSchema } from "../transactions/transactions.routes";

export const postCredits = adminRoute({
  method: "post",
  path: "/admin/credits",
  operationId: "adjustCredits",
  tags: ["Admin"],
  summary: "Grant credits to a user, or adjust a balance either way",
  description:
    "`admin_grant` adds credits; `admin_adjustment` may be negative. An `Idempotency-Key` " +
    "header makes a retried request return the first result.",
  request: {
    headers: idempotencyKeyHeaders,
    body: jsonBody(
      z
        .object({
          userId: z.string().min(1).max(64),
          type: z.enum(["admin_grant", "admin_adjustment"]),
          amount: z.number().refine((value) => value !== 0, "must not be 0"),
          reason: z.string().trim().min(1).max(200),
        })
        .strict(),
    ),
  },
  responses: {
    201: {
      description: "The ledger entry written (or the first one, on a replay)",
      content: {
        "application/json": {
          schema: z.object({ transaction: TransactionSchema, newBalance: z.number() }),
        },
      },
    },
    400: errorContent("Invalid body or amount"),
    402: errorContent("INSUFFICIENT_BALANCE for a negative adjustment"),
    404: errorContent("USER_NOT_FOUND"),
    409: errorContent("IDEMPOTENCY_KEY_REUSED"),
    422: errorContent("BALANCE_CAP_EXCEEDED"),
  },
});
