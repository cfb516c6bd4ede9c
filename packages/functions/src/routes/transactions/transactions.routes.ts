import { z } from "@hono/zod-openapi";
import { ledgerEntryTypes } from "@market/core/entities/ledger-entry";
import { authedRoute } from "../../http/routes";
import { errorContent } from "../../http/schemas";

export const TransactionSchema = z
  .object({
    id: z.string(),
    amount: z.number().openapi({ example: -100 }),
    transactionType: z.enum(ledgerEntryTypes),
    referenceId: z.string().nullable(),
    /** What the movement was for, e.g. `Won: "Will it rain?"`. */
    reason: z.string(),
    /** Credits a payout could not add because the balance reached the cap; 0 otherwise. */
    forfeited: z.number(),
    balanceAfter: z.number(),
    createdAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("Transaction");

export const listMine = authedRoute({
  method: "get",
  path: "/transactions/me",
  tags: ["Credits"],
  summary: "My ledger entries, newest first",
  request: {
    query: z
      .object({
        type: z.enum(ledgerEntryTypes).optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        cursor: z.string().max(2048).optional(),
      })
      .strict(),
  },
  responses: {
    200: {
      description: "One page of entries; pass `nextCursor` back as `cursor` for the next",
      content: {
        "application/json": {
          schema: z.object({
            transactions: z.array(TransactionSchema),
            /** All entries of the user (of every type). */
            total: z.number().int(),
            limit: z.number().int(),
            nextCursor: z.string().nullable(),
          }),
        },
      },
    },
    400: errorContent("Invalid query"),
  },
});
