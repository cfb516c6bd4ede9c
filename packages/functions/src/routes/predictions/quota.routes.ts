import { z } from "@hono/zod-openapi";
import { authedRoute } from "../../http/route-kinds";
import { jsonResponse } from "../../http/schemas";

const StandingSchema = z
  .object({
    limit: z.number().int(),
    used: z.number().int(),
    remaining: z.number().int(),
    resetAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("RateLimitStanding");

export const getQuota = authedRoute({
  method: "get",
  path: "/predictions/quota",
  tags: ["Predict with AI"],
  summary: "How many sessions I may still start this hour and today, and when each resets",
  responses: {
    200: jsonResponse(
      "The caller's standing in both session limits (nothing is counted)",
      z.object({ perHour: StandingSchema, perDay: StandingSchema }),
    ),
  },
});
