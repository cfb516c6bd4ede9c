import { createRoute, z } from "@hono/zod-openapi";
import { stageThrottled } from "../../http/schemas";

export const PublicConfigSchema = z
  .object({
    signupBonus: z.number().int().openapi({ example: 1000 }),
    dailyReward: z.number().int().openapi({ example: 100 }),
    dailyRewardIntervalMs: z.number().int().openapi({
      example: 86400000,
      description: "How long after a claim the next daily reward can be claimed (rolling)",
    }),
    minBet: z.number().int().openapi({ example: 10 }),
    maxBet: z.number().int().openapi({ example: 10000 }),
    modelCreditCost: z.number().int().openapi({ example: 1 }),
    lowCreditWarning: z
      .number()
      .int()
      .openapi({ example: 10, description: "Below this balance the app warns" }),
    balanceCap: z.number().int().openapi({ example: 1000000 }),
    maxModelsPerSession: z.number().int().openapi({ example: 5 }),
    sessionPollMs: z
      .number()
      .int()
      .openapi({ example: 12000, description: "How often to re-read a running session" }),
    lowCreditNotice: z.number().int().openapi({
      example: 5,
      description: "A balance falling below this leaves a low-credits notification",
    }),
    notificationPollMs: z
      .number()
      .int()
      .openapi({ example: 30000, description: "How often to re-read the unread notifications" }),
  })
  .openapi("PublicConfig");

export const getPublicConfigRoute = createRoute({
  method: "get",
  path: "/config",
  tags: ["System"],
  summary:
    "The settings clients show: bet limits, rewards, the low-credit threshold, session polling",
  operationId: "getConfig",
  security: [],
  responses: {
    200: {
      description: "Settings in force",
      content: { "application/json": { schema: PublicConfigSchema } },
    },
    429: stageThrottled,
  },
});
