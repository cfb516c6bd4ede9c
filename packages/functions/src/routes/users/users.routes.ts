import { z } from "@hono/zod-openapi";
import { portfolioRanges } from "@market/core/limits";
import { optionalUser } from "../../http/auth";
import { PortfolioSchema, PublicPortfolioSchema } from "../../http/bet-schemas";
import {
  BoardStandingSchema,
  PrivateProfileSchema,
  PublicProfileSchema,
  UsernameSchema,
} from "../../http/profile-schemas";
import { authedRoute, publicRoute } from "../../http/route-kinds";
import { errorContent, jsonBody, jsonResponse } from "../../http/schemas";

export const getMe = authedRoute({
  method: "get",
  path: "/users/me",
  operationId: "getMyProfile",
  tags: ["Users"],
  summary: "My profile, with balance",
  responses: {
    200: {
      description: "My profile",
      content: { "application/json": { schema: PrivateProfileSchema } },
    },
  },
});

export const patchMe = authedRoute({
  method: "patch",
  path: "/users/me",
  operationId: "updateMyProfile",
  tags: ["Users"],
  summary: "Change my username (the only field that can change here)",
  description: "Every field is optional: `{}` changes nothing and answers the profile.",
  request: {
    body: jsonBody(
      z
        .object({
          username: UsernameSchema.optional(),
        })
        .strict(),
    ),
  },
  responses: {
    200: {
      description: "Updated profile",
      content: { "application/json": { schema: z.object({ user: PrivateProfileSchema }) } },
    },
    400: errorContent("Invalid body; any field but username is refused"),
    409: errorContent("USERNAME_TAKEN"),
  },
});

export const putMyPreferences = authedRoute({
  method: "put",
  path: "/users/me/preferences",
  operationId: "updateMyPreferences",
  tags: ["Users"],
  summary: "Set my preferences: an email when a bet pays out (off by default)",
  description:
    "`emailPayouts`: when one of my bets wins, email me the credits paid with a link to the " +
    "bet (at most once per bet). Every field is required; anything else is refused.",
  request: {
    body: jsonBody(
      z
        .object({
          emailPayouts: z
            .boolean()
            .openapi({ description: "Email me when a bet pays out", example: true }),
        })
        .strict(),
    ),
  },
  responses: {
    200: {
      description: "My profile, with the preferences as stored",
      content: { "application/json": { schema: z.object({ user: PrivateProfileSchema }) } },
    },
    400: errorContent("Invalid body: emailPayouts must be true or false"),
  },
});

export const getMyReferral = authedRoute({
  method: "get",
  path: "/users/me/referral",
  operationId: "getMyReferral",
  tags: ["Users"],
  summary: "My referral code and link, and what they brought",
  description:
    "Whoever registers with the code, and I, each get `REFERRAL_BONUS` credits once their " +
    "first bet settles, for at most `REFERRAL_MAX_PER_MONTH` referrals a month.",
  responses: {
    200: jsonResponse(
      "My referral",
      z
        .object({
          code: z.string(),
          link: z.string().openapi({ format: "uri" }),
          referred: z.number().int().openapi({ description: "Users who registered with it" }),
          creditsEarned: z.number(),
        })
        .openapi("Referral"),
    ),
  },
});

export const getOne = publicRoute({
  method: "get",
  path: "/users/{userId}",
  operationId: "getUserProfile",
  tags: ["Users"],
  summary: "A user's public profile (the private one when it is you)",
  middleware: [optionalUser] as const,
  request: { params: z.object({ userId: z.string().min(1).max(64) }) },
  responses: {
    200: {
      description: "Profile",
      content: {
        "application/json": {
          schema: z.union([
            PrivateProfileSchema.extend({ standing: BoardStandingSchema }),
            PublicProfileSchema.extend({ standing: BoardStandingSchema }),
          ]),
        },
      },
    },
    404: errorContent("USER_NOT_FOUND"),
  },
});

export const getMyPortfolio = authedRoute({
  method: "get",
  path: "/users/me/portfolio",
  operationId: "getMyPortfolio",
  tags: ["Users"],
  summary: "My open positions at today's odds, with my balance, totals and their history",
  description:
    "Each pending bet valued at today's odds of its side (potentialPayout × odds), newest " +
    "first; `totals` adds them up beside the PnL already realized, and `total` is the " +
    "balance plus the positions' value. `history` is that total over `range` (default `1w`), " +
    "computed from the ledger and the odds history.",
  request: {
    query: z.object({
      range: z
        .enum(portfolioRanges)
        .default("1w")
        .openapi({ description: "The span of `history`: the last week, month, or since signup" }),
    }),
  },
  responses: {
    200: jsonResponse("My portfolio", PortfolioSchema),
    400: errorContent("VALIDATION_ERROR (a range other than 1w, 1m, all)"),
  },
});

export const getPortfolio = publicRoute({
  method: "get",
  path: "/users/{userId}/portfolio",
  operationId: "getUserPortfolio",
  tags: ["Users"],
  summary: "A user's open positions at today's odds, with their totals (not their balance)",
  request: { params: z.object({ userId: z.string().min(1).max(64) }) },
  responses: {
    200: jsonResponse("Their open positions", PublicPortfolioSchema),
    404: errorContent("USER_NOT_FOUND"),
  },
});
