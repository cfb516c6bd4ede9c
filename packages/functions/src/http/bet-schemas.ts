import { z } from "@hono/zod-openapi";
import { betStatuses, sides } from "@market/core/entities";
import {
  maxPortfolioPositions,
  portfolioHistory,
  portfolioRanges,
  publicRecentResults,
} from "@market/core/limits";

/** A bet as every route shows it (`toBetView` in core). */
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
    currentValue: z.number().nullable().openapi({
      description:
        "A pending bet's worth at today's odds: potentialPayout × today's odds of its side (null once settled, or without odds)",
    }),
    unrealizedPnL: z
      .number()
      .nullable()
      .openapi({ description: "currentValue − amount, for a pending bet; null otherwise" }),
    cashoutAmount: z
      .number()
      .nullable()
      .openapi({ description: "What a cash-out credited; null unless cashed_out" }),
  })
  .openapi("Bet");

/** An open position: a pending bet with today's odds of its side. */
export const PositionSchema = BetSchema.extend({
  currentOdds: z.number().nullable().openapi({
    description: "Today's odds of the bet's side; null while its market is being settled",
  }),
}).openapi("Position");

const PortfolioTotalsSchema = z
  .object({
    invested: z.number().openapi({ description: "The stakes of the open positions" }),
    currentValue: z.number().openapi({
      description: "Their worth at today's odds (a position without odds counts at its stake)",
    }),
    unrealizedPnL: z.number().openapi({ description: "currentValue − invested" }),
    realizedPnL: z
      .number()
      .openapi({ description: "Profit or loss locked in by settled bets and cash-outs" }),
  })
  .openapi("PortfolioTotals");

const portfolioFields = {
  positions: z.array(PositionSchema).openapi({ description: "Open positions, newest first" }),
  totals: PortfolioTotalsSchema,
  truncated: z.boolean().openapi({
    description: `More than ${maxPortfolioPositions} open positions: the list and totals cover the newest`,
  }),
};

/** What my account was worth at one moment of the portfolio's history. */
const PortfolioPointSchema = z
  .object({
    at: z.string().openapi({ format: "date-time" }),
    balance: z.number().openapi({ description: "The balance then (the ledger's balance after)" }),
    positions: z.number().openapi({
      description:
        "The positions open then, each valued at the odds of its side then (its stake without odds)",
    }),
    total: z.number().openapi({ description: "balance + positions" }),
  })
  .openapi("PortfolioPoint");

/** My open positions, their totals, my balance and what it all adds up to, and its history. */
export const PortfolioSchema = z
  .object({
    ...portfolioFields,
    balance: z.number(),
    total: z.number().openapi({ description: "balance + totals.currentValue" }),
    range: z.enum(portfolioRanges).openapi({ description: "The span `history` covers" }),
    history: z.array(PortfolioPointSchema).openapi({
      description: `The total over \`range\`, oldest first, at most ${portfolioHistory.maxPoints} points (1w: every 6 hours; 1m: daily; all: daily from signup, or weekly); the last point is now`,
    }),
  })
  .openapi("Portfolio");

/** Someone's open positions, their totals and latest results, as anyone may see them. */
export const PublicPortfolioSchema = z
  .object({
    ...portfolioFields,
    recentResults: z.array(BetSchema).openapi({
      description: `Their latest settled or cashed-out bets (up to ${publicRecentResults.shown}, from their ${publicRecentResults.read} newest bets), newest first`,
    }),
  })
  .openapi("PublicPortfolio");
