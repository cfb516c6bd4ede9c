import { z } from "@hono/zod-openapi";
import { pageSizes } from "@market/core/limits";
import { claimIntervalMs, streakWindowMs } from "@market/core/rewards";
import { pagedQuery, pageSchema } from "../../http/pages";
import { authedRoute, moneyRoute } from "../../http/route-kinds";
import { ErrorSchema, errorContent, jsonResponse } from "../../http/schemas";

/** The reward's rules in hours, for the text below (core's rewards rules decide them). */
const hours = (ms: number) => ms / 3_600_000;

export const RewardSchema = z
  .object({
    id: z.string(),
    creditsAwarded: z.number(),
    claimedAt: z.string().openapi({ format: "date-time" }),
    streak: z.number().int(),
  })
  .openapi("DailyReward");

export const claimDaily = moneyRoute({
  method: "post",
  path: "/rewards/daily",
  operationId: "claimDailyReward",
  tags: ["Rewards"],
  summary: `Claim the daily reward (once per rolling ${hours(claimIntervalMs)} hours)`,
  description:
    `Grants \`DAILY_REWARD\` credits. A claim within ${hours(streakWindowMs)} h of the previous ` +
    "one continues the streak. The body, if any, is ignored.",
  responses: {
    201: jsonResponse(
      "The reward, the balance after it and when the next claim opens",
      z.object({
        reward: RewardSchema,
        newBalance: z.number(),
        nextClaimAvailable: z.string().openapi({ format: "date-time" }),
      }),
    ),
    409: jsonResponse(
      `DAILY_REWARD_CLAIMED: claimed less than ${hours(claimIntervalMs)} h ago`,
      ErrorSchema.extend({ nextClaimAvailable: z.string().openapi({ format: "date-time" }) }),
    ),
    422: errorContent("BALANCE_CAP_EXCEEDED"),
    429: errorContent("RATE_LIMIT_EXCEEDED"),
  },
});

export const history = authedRoute({
  method: "get",
  path: "/rewards/history",
  operationId: "listRewardHistory",
  tags: ["Rewards"],
  summary: "My daily reward claims, newest first",
  request: { query: pagedQuery({}, pageSizes.rewards) },
  responses: {
    200: jsonResponse(
      "One page; `total` counts every claim; pass `nextCursor` back as `cursor` for the next",
      pageSchema("rewards", RewardSchema),
    ),
    400: errorContent("Invalid query (limit, offset beyond 10,000, cursor with offset)"),
  },
});
