import { z } from "@hono/zod-openapi";
import { marketStatuses, marketTypes } from "@market/core/entities/market";
import { marketSorts } from "@market/core/markets";
import { publicRoute } from "../../http/routes";
import { errorContent } from "../../http/schemas";

export const MarketSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    thisOption: z.string(),
    thatOption: z.string(),
    thisOdds: z.number().nullable().openapi({ example: 0.65 }),
    thatOdds: z.number().nullable().openapi({ example: 0.35 }),
    liquidity: z.number(),
    volume: z.number(),
    volume24h: z.number(),
    category: z.string().nullable(),
    marketType: z.enum(marketTypes),
    status: z.enum(marketStatuses),
    bettable: z.boolean(),
    resolution: z.enum(["this", "that", "invalid"]).nullable(),
    expiresAt: z.string().nullable(),
    resolvedAt: z.string().nullable(),
  })
  .openapi("Market");

export const list = publicRoute({
  method: "get",
  path: "/markets",
  tags: ["Markets"],
  summary: "Markets, filtered, searched and sorted",
  request: {
    query: z
      .object({
        status: z.enum(marketStatuses).default("open"),
        category: z.string().trim().min(1).max(100).optional(),
        type: z.enum(marketTypes).optional(),
        sort: z.enum(marketSorts).default("trending"),
        q: z.string().trim().min(1).max(200).optional(),
        limit: z.coerce.number().int().min(1).max(100).default(20),
        cursor: z.string().max(2048).optional(),
      })
      .strict(),
  },
  responses: {
    200: {
      description: "One page; pass `nextCursor` back as `cursor` for the next",
      content: {
        "application/json": {
          schema: z.object({
            markets: z.array(MarketSchema),
            limit: z.number().int(),
            nextCursor: z.string().nullable(),
          }),
        },
      },
    },
    400: errorContent("Invalid query"),
  },
});

export const getOne = publicRoute({
  method: "get",
  path: "/markets/{marketId}",
  tags: ["Markets"],
  summary: "One market",
  request: { params: z.object({ marketId: z.string().min(1).max(100) }) },
  responses: {
    200: { description: "The market", content: { "application/json": { schema: MarketSchema } } },
    404: errorContent("MARKET_NOT_FOUND"),
  },
});

export const getOddsHistory = publicRoute({
  method: "get",
  path: "/markets/{marketId}/odds-history",
  tags: ["Markets"],
  summary: "How the market's odds moved, oldest first",
  request: { params: z.object({ marketId: z.string().min(1).max(100) }) },
  responses: {
    200: {
      description: "Odds snapshots",
      content: {
        "application/json": {
          schema: z.object({
            points: z.array(
              z.object({ at: z.string(), thisOdds: z.number(), thatOdds: z.number() }),
            ),
          }),
        },
      },
    },
    404: errorContent("MARKET_NOT_FOUND"),
  },
});
