import { z } from "@hono/zod-openapi";
import { ledgerEntryTypes } from "@market/core/entities";
import { creditFlowWeeks } from "@market/core/limits";
import { authedRoute } from "../../http/route-kinds";
import { errorContent, jsonResponse } from "../../http/schemas";

const CreditFlowWeekSchema = z
  .object({
    week: z.string().openapi({ description: "ISO week", example: "2026-W49" }),
    startsOn: z.string().openapi({ description: "Its Monday (UTC)", format: "date" }),
    in: z.number().openapi({ description: "Credits into the account that week" }),
    out: z.number().openapi({ description: "Credits out of the account that week (positive)" }),
    byType: z
      .array(
        z.object({
          type: z.enum(ledgerEntryTypes),
          in: z.number(),
          out: z.number().openapi({ description: "Positive" }),
        }),
      )
      .openapi({ description: "The ledger types that moved credits that week" }),
  })
  .openapi("CreditFlowWeek");

export const getMyCreditFlows = authedRoute({
  method: "get",
  path: "/users/me/credit-flows",
  operationId: "getMyCreditFlows",
  tags: ["Users"],
  summary: "Where my credits went: credits in and out per ledger type, week by week",
  description:
    "The `weeks` newest ISO weeks up to this one, oldest first, from counters the stream " +
    "consumer keeps: a movement shows once the consumer has read it (seconds).",
  request: {
    query: z
      .object({
        weeks: z.coerce
          .number()
          .int()
          .min(1)
          .max(creditFlowWeeks.max)
          .default(creditFlowWeeks.default)
          .openapi({ description: `Weeks to cover, at most ${creditFlowWeeks.max}` }),
      })
      .strict(),
  },
  responses: {
    200: jsonResponse(
      "My credit flows",
      z.object({ weeks: z.array(CreditFlowWeekSchema) }).openapi("CreditFlows"),
    ),
    400: errorContent("Invalid `weeks`"),
  },
});
