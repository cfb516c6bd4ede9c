import { z } from "@hono/zod-openapi";
import { marketStatuses, marketTypes, resolutions } from "@market/core/entities";
import { pageSizes } from "@market/core/limits";
import { marketSorts, maxChartPoints, oddsRanges } from "@market/core/markets";
import { perIp } from "../../http/limits";
import { pagedQuery, pageSchema } from "../../http/pages";
import { publicRoute } from "../../http/route-kinds";
import { errorContent, jsonResponse } from "../../http/schemas";

/** Market reads are public: counted per client IP, at a generous default. */
const anonymousReads = perIp("anonymousReads");

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
    resolution: z.enum(resolutions).nullable(),
    winningOption: z.string().nullable().openapi({
      description:
        "The option that won, by name (thisOption or thatOption), once resolved; null before and for an invalid result",
    }),
    expiresAt: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    oddsUpdatedAt: z.string().nullable().openapi({
      description:
        "When the odds were last written (each sync that brings them, or an admin's save); null before any",
    }),
  })
  .openapi("Market");

export const list = publicRoute({
  method: "get",
  path: "/markets",
  operationId: "listMarkets",
  tags: ["Markets"],
  middleware: [anonymousReads] as const,
  summary: "Markets, filtered, searched and sorted",
  description:
    "`total` counts every market the filters match (with `q`, the matches found so far: " +
    "exact on the last page). `offset` is bounded; `nextCursor` is the fast way on.",
  request: {
    query: pagedQuery(
      {
        status: z.enum(marketStatuses).default("open"),
        category: z.string().trim().min(1).max(100).optional(),
        type: z.enum(marketTypes).optional(),
        sort: z.enum(marketSorts).default("trending"),
        q: z.string().trim().min(1).max(200).optional(),
      },
      pageSizes.markets,
    ),
  },
  responses: {
    200: jsonResponse("One page of markets", pageSchema("markets", MarketSchema)),
    400: errorContent(
      "Invalid query (limit, offset beyond the bound, cursor, q of too many words)",
    ),
  },
});

export const getOne = publicRoute({
  method: "get",
  path: "/markets/{marketId}",
  operationId: "getMarket",
  tags: ["Markets"],
  middleware: [anonymousReads] as const,
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
  operationId: "getOddsHistory",
  tags: ["Markets"],
  middleware: [anonymousReads] as const,
  summary: "How the market's odds moved, oldest first",
  description:
    "Without `range`, the latest 500 snapshots. With `range` (`1d`, `1w`, `1m`, `all`), " +
    `the span up to now in at most ${maxChartPoints} points (the last of each equal time slice); ` +
    "a span where the odds did not move starts with the odds of its start.",
  request: {
    params: z.object({ marketId: z.string().min(1).max(100) }),
    query: z.object({ range: z.enum(oddsRanges).optional() }),
  },
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
    400: errorContent("VALIDATION_ERROR (a range other than 1d, 1w, 1m, all)"),
    404: errorContent("MARKET_NOT_FOUND"),
  },
});
