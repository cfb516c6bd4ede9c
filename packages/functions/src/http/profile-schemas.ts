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
  })
  .openapi("PublicProfile");

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
}).openapi("PrivateProfile");

export const bearerAuth = [{ bearerAuth: [] }];
