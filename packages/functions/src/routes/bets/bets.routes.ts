import { z } from "@hono/zod-openapi";
import { betStatuses, sides } from "@market/core/entities";
import { pageSizes } from "@market/core/limits";
import { BetSchema } from "../../http/bet-schemas";
import { pagedQuery, pageSchema } from "../../http/pages";
import { authedRoute, authedRouteOwnLimit, moneyRoute } from "../../http/route-kinds";
import { errorContent, idempotencyKeyHeaders, jsonBody, jsonResponse } from "../../http/schemas";

export const CashoutQuoteSchema = z
  .object({
    quoteId: z.string().openapi({ description: "Send back to cash out; a signed token" }),
    amount: z.number().openapi({ description: "Credits the cash-out pays: value less the fee" }),
    odds: z.number().openapi({ description: "Today's odds of the bet's side" }),
    value: z.number().openapi({ description: "The position's value before the fee" }),
    fee: z.number().openapi({ description: "The fee as a fraction of the value (CASHOUT_FEE)" }),
    pnl: z
      .number()
      .openapi({ description: "The realized profit or loss it locks in: amount − stake" }),
    expiresAt: z.string(),
  })
  .openapi("CashoutQuote");

const betParams = z.object({ betId: z.string().min(1).max(100) });

export const place = moneyRoute({
  method: "post",
  path: "/bets",
  operationId: "placeBet",
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
          expectedOdds: z
            .number()
            .gt(0)
            .lt(1)
            .optional()
            .openapi({
              description:
                "The side's odds the user saw; when today's differ by more than ODDS_SLIPPAGE " +
                "the bet is refused with 409 ODDS_CHANGED (today's odds in `details.odds`), nothing charged",
              example: 0.65,
            }),
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
    409: errorContent(
      "MARKET_CLOSED (closed, resolved, expired or not tradable), or ODDS_CHANGED " +
        "(today's odds are more than ODDS_SLIPPAGE from expectedOdds; `details.odds` holds them)",
    ),
    429: errorContent("RATE_LIMIT_EXCEEDED"),
  },
});

export const listMine = authedRoute({
  method: "get",
  path: "/bets/me",
  operationId: "listMyBets",
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
  operationId: "getBet",
  tags: ["Bets"],
  summary: "One of my bets",
  request: { params: betParams },
  responses: {
    200: { description: "The bet", content: { "application/json": { schema: BetSchema } } },
    404: errorContent("BET_NOT_FOUND (also for someone else's bet)"),
  },
});

export const quoteCashout = authedRoute({
  method: "get",
  path: "/bets/{betId}/cashout",
  operationId: "quoteCashout",
  tags: ["Bets"],
  summary: "A quote to cash a pending bet out at today's odds",
  description:
    "The position's value less the cash-out fee, valid for a few seconds (`expiresAt`). " +
    "Refused while the bet rate limit's window is full.",
  request: { params: betParams },
  responses: {
    200: jsonResponse("The quote", CashoutQuoteSchema),
    404: errorContent("BET_NOT_FOUND (also for someone else's bet)"),
    409: errorContent(
      "MARKET_CLOSED, BET_NOT_PENDING, ODDS_STALE (a mirrored market's odds not confirmed " +
        "recently), or NOTHING_TO_CASH_OUT (worth less than a cent after the fee)",
    ),
  },
});

export const cashOut = authedRouteOwnLimit({
  method: "post",
  path: "/bets/{betId}/cashout",
  operationId: "cashOutBet",
  tags: ["Bets"],
  summary: "Cash a pending bet out for a quote's amount",
  description:
    "Credits exactly the quoted amount (up to the balance cap) and closes the bet as " +
    "`cashed_out`. A retry with the same `quoteId` answers with the first result.",
  request: {
    params: betParams,
    body: jsonBody(z.object({ quoteId: z.string().min(1).max(1000) }).strict()),
  },
  responses: {
    200: jsonResponse(
      "The cashed-out bet, what was credited and the balance after it",
      z.object({ bet: BetSchema, credited: z.number(), newBalance: z.number() }),
    ),
    400: errorContent("VALIDATION_ERROR: the quoteId is not a quote for this bet"),
    404: errorContent("BET_NOT_FOUND (also for someone else's bet)"),
    409: errorContent(
      "MARKET_CLOSED, BET_NOT_PENDING, ODDS_STALE, QUOTE_EXPIRED (expired or odds moved; " +
        "`details.quote` is a fresh quote), or NOTHING_TO_CASH_OUT (the odds moved to where " +
        "the position is worth less than a cent after the fee)",
    ),
    429: errorContent("RATE_LIMIT_EXCEEDED"),
  },
});
