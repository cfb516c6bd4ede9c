import { z } from "@hono/zod-openapi";
import { betStatuses, sides } from "@market/core/entities";
import { pageSizes } from "@market/core/limits";
import { pagedQuery, pageSchema } from "../../http/pages";
import { authedRoute, authedRouteOwnLimit } from "../../http/route-kinds";
import { errorContent, idempotencyKeyHeaders, jsonBody, jsonResponse } from "../../http/schemas";

export const BetSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    marketId: z.string(),
    market: z.object({
      id: z.string(),
      title: z.string(),
      thisOption: z.string(),
      thatOption: z.string(),
    }),
    amount: z.number(),
    side: z.enum(sides),
    oddsAtBet: z.number(),
    potentialPayout: z.number(),
    actualPayout: z.number().nullable(),
    status: z.enum(betStatuses),
    placedAt: z.string(),
    resolvedAt: z.string().nullable(),
  })
  .openapi("Bet");

export const place = authedRouteOwnLimit({
  method: "post",
  path: "/bets",
  tags: ["Bets"],
  summary: "Bet on one side at the market's current odds",
  description:
    "Pays `amount / odds` if the side wins. An `Idempotency-Key` header makes a retried " +
    "request return the first bet instead of placing another.",
  request: {
    headers: idempotencyKeyHeaders,
    body: jsonBody(
      z
        .object({
          marketId: z.string().min(1).max(100),
          // Checked by the bet rules so a bad amount is INVALID_BET_AMOUNT, not a schema error.
          amount: z.unknown().openapi({ type: "number", example: 100 }),
          side: z.enum(sides),
        })
        .strict(),
    ),
  },
  responses: {
    201: {
      description: "The bet and the balance after it",
      content: {
        "application/json": { schema: z.object({ bet: BetSchema, newBalance: z.number() }) },
      },
    },
    200: {
      description: "A retry with the same Idempotency-Key: the first bet",
      content: {
        "application/json": { schema: z.object({ bet: BetSchema, newBalance: z.number() }) },
      },
    },
    400: errorContent(
      "INVALID_BET_AMOUNT (outside the limits, not a number, > 2 decimals) or invalid body",
    ),
    402: errorContent("INSUFFICIENT_BALANCE"),
    404: errorContent("MARKET_NOT_FOUND"),
    409: errorContent("MARKET_CLOSED (closed, resolved, expired or not tradable)"),
    429: errorContent("RATE_LIMIT_EXCEEDED"),
  },
});

export const listMine = authedRoute({
  method: "get",
  path: "/bets/me",
  tags: ["Bets"],
  summary: "My bets, newest first",
  description: "`total` counts my bets of the status asked for (all without one).",
  request: {
    query: pagedQuery({ status: z.enum(betStatuses).optional() }, pageSizes.bets),
  },
  responses: {
    200: jsonResponse("One page of bets", pageSchema("bets", BetSchema)),
    400: errorContent("Invalid query (limit, offset beyond the bound, cursor)"),
  },
});

export const getOne = authedRoute({
  method: "get",
  path: "/bets/{betId}",
  tags: ["Bets"],
  summary: "One of my bets",
  request: { params: z.object({ betId: z.string().min(1).max(100) }) },
  responses: {
    200: { description: "The bet", content: { "application/json": { schema: BetSchema } } },
    404: errorContent("BET_NOT_FOUND (also for someone else's bet)"),
  },
});
