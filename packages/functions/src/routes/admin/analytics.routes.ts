import { z } from "@hono/zod-openapi";
import { adminRoute } from "../../http/routes";
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
          }),
        },
      },
    },
    400: errorContent("Invalid query"),
  },
});
