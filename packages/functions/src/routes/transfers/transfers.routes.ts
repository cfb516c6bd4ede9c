import { z } from "@hono/zod-openapi";
import { authedRouteOwnLimit } from "../../http/route-kinds";
import { errorContent, idempotencyKeyHeaders, jsonBody, jsonResponse } from "../../http/schemas";

export const TransferSchema = z
  .object({
    id: z.string().openapi({ description: "The sender's ledger entry id" }),
    amount: z.number(),
    to: z.object({ id: z.string(), username: z.string() }),
    note: z.string().nullable(),
    newBalance: z.number().openapi({ description: "The sender's balance after the gift" }),
    createdAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("Transfer");

export const send = authedRouteOwnLimit({
  method: "post",
  path: "/transfers",
  operationId: "sendCredits",
  tags: ["Credits"],
  summary: "Send credits to another user",
  description:
    "The sender's `transfer_out` and the receiver's `transfer_in` are one transaction. " +
    "Amounts from `TRANSFER_MIN` up to `TRANSFER_MAX_PER_DAY` in total per UTC day; accounts " +
    "younger than `TRANSFER_MIN_ACCOUNT_AGE_HOURS` cannot send. An `Idempotency-Key` header " +
    "makes a retried request return the first transfer.",
  request: {
    headers: idempotencyKeyHeaders,
    body: jsonBody(
      z
        .object({
          toUsername: z.string().trim().min(1).max(64),
          // Checked by the transfer rules so a bad amount is INVALID_TRANSFER_AMOUNT.
          amount: z.unknown().openapi({ type: "number", example: 50 }),
          note: z.string().max(200).optional(),
        })
        .strict(),
    ),
  },
  responses: {
    201: jsonResponse("Sent", TransferSchema),
    400: errorContent("INVALID_TRANSFER_AMOUNT, TRANSFER_TO_SELF or an invalid body"),
    402: errorContent("INSUFFICIENT_BALANCE"),
    403: errorContent("ACCOUNT_TOO_NEW"),
    404: errorContent("USER_NOT_FOUND: no user with that username"),
    422: errorContent(
      "TRANSFER_DAILY_LIMIT (past the day's total) or BALANCE_CAP_EXCEEDED (receiver at the cap)",
    ),
    429: errorContent("RATE_LIMIT_EXCEEDED"),
  },
});
