import { z } from "@hono/zod-openapi";
import { usernamePattern, usernameRule } from "@market/core/accounts";
import { plans, userRoles } from "@market/core/entities";

/** A username as accounts accept it (core's pattern, one place). */
export const UsernameSchema = z
  .string()
  .regex(usernamePattern, usernameRule)
  .openapi({ example: "ada_l" });

export const PublicProfileSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    totalVolume: z.number(),
    overallPnL: z.number(),
    rankByPnL: z.number().int().nullable(),
    rankByVolume: z.number().int().nullable(),
    joinedAt: z
      .string()
      .openapi({ format: "date-time", description: "When the account was opened" }),
    record: z
      .object({
        won: z.number().int(),
        lost: z.number().int(),
        open: z.number().int(),
        cancelled: z.number().int(),
      })
      .openapi({ description: "Bets by outcome; `open` are placed and not settled yet" }),
  })
  .openapi("PublicProfile");

const BoardRowSchema = z.object({
  rank: z.number().int(),
  overallPnL: z.number(),
  totalVolume: z.number(),
});

/** Where a user stands on the all-time boards, with the figures the boards show. */
export const BoardStandingSchema = z
  .object({
    updatedAt: z.string().nullable().openapi({
      description: "When the ranking job last rebuilt the all-time boards; null before any run",
    }),
    pending: z.boolean().openapi({
      description:
        "The user bet or was settled since their last ranking: the next run (every RANKING_INTERVAL_SECONDS, and after each settlement) moves them",
    }),
    pnl: BoardRowSchema.nullable().openapi({
      description: "The user's row on the all-time PnL board as it shows it; null when not on it",
    }),
    volume: BoardRowSchema.nullable().openapi({
      description:
        "The user's row on the all-time volume board as it shows it; null when not on it",
    }),
  })
  .openapi("BoardStanding");

export const PrivateProfileSchema = PublicProfileSchema.extend({
  email: z.string(),
  role: z.enum(userRoles),
  emailVerified: z.boolean(),
  plan: z.enum(plans),
  creditBalance: z.number(),
  /** Credits received in all (bonuses, rewards, payouts, grants). */
  totalCreditsEarned: z.number(),
  /** Credits spent in all (bets, prediction sessions), net of refunds. */
  totalCreditsSpent: z.number(),
  createdAt: z.string().openapi({ format: "date-time" }),
  lastDailyRewardAt: z.string().nullable(),
  currentStreak: z.number().int(),
  longestStreak: z.number().int(),
  lowCredits: z.boolean(),
  emailPayouts: z
    .boolean()
    .openapi({ description: "Email me when a bet pays out (PUT /users/me/preferences)" }),
}).openapi("PrivateProfile");

export const bearerAuth = [{ bearerAuth: [] }];
