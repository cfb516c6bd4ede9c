import { z } from "@hono/zod-openapi";
import { ledgerEntryTypes } from "@market/core/entities";
import { referenceTypes, transactionTypes } from "@market/core/ledger";
import { pageSizes } from "@market/core/limits";
import { pagedQuery, pageSchema } from "../../http/pages";
import { authedRoute } from "../../http/route-kinds";
import { errorContent, jsonResponse } from "../../http/schemas";

export const TransactionSchema = z
  .object({
    id: z.string(),
    amount: z.number().openapi({ example: -100 }),
    transactionType: z.enum(ledgerEntryTypes),
    referenceId: z.string().nullable(),
    referenceType: z.enum(referenceTypes).nullable().openapi({
      description:
        "What referenceId names, to link the row: bet → /bets/{referenceId}; prediction_session → the session (with marketId); daily_reward, account, admin; null when there is nothing to open",
    }),
    marketId: z.string().nullable().openapi({
      description:
        "The market a bet or prediction entry is about; null on entries written before it was kept",
    }),
    /** What the movement was for, e.g. `Won: "Will it rain?"`. */
    reason: z.string(),
    /** Credits a payout could not add because the balance reached the cap; 0 otherwise. */
    forfeited: z.number(),
    balanceAfter: z.number(),
    createdAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("Transaction");

/** The query of a ledger list (mine, or a user's for an admin). */
export const transactionsQuery = pagedQuery(
  { type: z.enum(transactionTypes).optional() },
  pageSizes.transactions,
);

export const listMine = authedRoute({
  method: "get",
  path: "/transactions/me",
  operationId: "listMyTransactions",
  tags: ["Credits"],
  summary: "My ledger entries, newest first",
  description:
    "`total` counts my entries of the `type` asked for (all without one). `purchase` " +
    "lists credits bought through Stripe Checkout (`/credits/checkout`).",
  request: { query: transactionsQuery },
  responses: {
    200: jsonResponse("One page of entries", pageSchema("transactions", TransactionSchema)),
    400: errorContent("Invalid query (limit, type, offset beyond the bound, cursor)"),
  },
});
