import { z } from "@hono/zod-openapi";
import { adminRoute } from "../../http/route-kinds";
import { errorContent } from "../../http/schemas";

export const analytics = adminRoute({
  method: "get",
  path: "/admin/analytics/predictions",
  tags: ["Admin"],
  summary: "Sessions per user per day; success, failure and Brier score per model",
  request: {
    query: z.object({ days: z.coerce.number().int().min(1).max(90).default(7) }).strict(),
  },
  responses: {
    200: {
      description: "Analytics",
      content: {
        "application/json": {
          schema: z.object({
            models: z.array(
              z.object({
                modelId: z.string(),
                name: z.string(),
                runs: z.number().int(),
                successes: z.number().int(),
                failures: z.number().int(),
                successRate: z.number().nullable(),
                failureRate: z.number().nullable(),
                averageLatencyMs: z.number().nullable(),
                meanBrierScore: z.number().nullable(),
                scoredPredictions: z.number().int(),
              }),
            ),
            sessionsPerUserPerDay: z.array(
              z.object({ day: z.string(), userId: z.string(), sessions: z.number().int() }),
            ),
            modelOutcomesPerDay: z
              .array(
                z.object({
                  date: z.string(),
                  modelId: z.string(),
                  successes: z.number().int(),
                  failures: z.number().int(),
                }),
              )
              .openapi({ description: "Every day of the range, oldest first, for every model" }),
          }),
        },
      },
    },
    400: errorContent("Invalid query"),
  },
});

const perType = z.record(z.string(), z.number());

export const credits = adminRoute({
  method: "get",
  path: "/admin/analytics/credits",
  tags: ["Admin"],
  summary: "Credits issued and spent by ledger type, DAU, bets and sessions per UTC day",
  description:
    "Summed from daily counters kept by the transactions that move credits (never a scan). " +
    "Every day of the range is present, oldest first.",
  request: {
    query: z.object({ days: z.coerce.number().int().min(1).max(90).default(30) }).strict(),
  },
  responses: {
    200: {
      description: "Credit analytics",
      content: {
        "application/json": {
          schema: z.object({
            days: z.array(
              z.object({
                date: z.string().openapi({ example: "2026-06-17" }),
                issued: perType.openapi({ description: "Credits in, by ledger type" }),
                spent: perType.openapi({ description: "Credits out (positive), by ledger type" }),
                issuedTotal: z.number(),
                spentTotal: z.number(),
                activeUsers: z.number().int().openapi({
                  description: "Distinct users with a credit movement or a signed-in request",
                }),
                bets: z.number().int(),
                betVolume: z.number(),
                averageBet: z.number().nullable(),
                sessions: z.number().int(),
                sessionsFailed: z.number().int(),
              }),
            ),
          }),
        },
      },
    },
    400: errorContent("Invalid query: days must be a whole number from 1 to 90"),
  },
});
