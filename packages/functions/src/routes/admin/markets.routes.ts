import { z } from "@hono/zod-openapi";
import { settlementProgressStates } from "@market/core/bets";
import { marketStatuses, resolutions } from "@market/core/entities";
import { adminRoute } from "../../http/route-kinds";
import { errorContent, jsonBody, jsonResponse } from "../../http/schemas";
import { MarketSchema } from "../markets/markets.routes";

const marketId = z.object({ marketId: z.string().min(1).max(100) });
/** Why the admin acts, for the audit trail; optional so earlier clients keep working. */
const auditReason = z.string().trim().min(1).max(200).optional();

export const create = adminRoute({
  method: "post",
  path: "/admin/markets",
  operationId: "createMarket",
  tags: ["Admin"],
  summary: "Create a credits market",
  request: {
    body: jsonBody(
      z
        .object({
          title: z.string().trim().min(5).max(300),
          description: z.string().max(5000).default(""),
          thisOption: z.string().trim().min(1).max(100),
          thatOption: z.string().trim().min(1).max(100),
          thisOdds: z.number().gt(0).lt(1),
          thatOdds: z.number().gt(0).lt(1),
          category: z.string().trim().min(1).max(100).optional(),
          expiresAt: z.iso.datetime({ offset: true }),
          reason: auditReason,
        })
        .strict(),
    ),
  },
  responses: {
    201: { description: "The market", content: { "application/json": { schema: MarketSchema } } },
    400: errorContent("Invalid body"),
  },
});

export const resolve = adminRoute({
  method: "post",
  path: "/admin/markets/{marketId}/resolve",
  operationId: "resolveMarket",
  tags: ["Admin"],
  summary: "Resolve a market and settle its bets (once)",
  request: {
    params: marketId,
    body: jsonBody(z.object({ resolution: z.enum(resolutions), reason: auditReason }).strict()),
  },
  responses: {
    200: {
      description: "Resolved; settlement started",
      content: {
        "application/json": {
          schema: z.object({
            market: MarketSchema,
            settlement: z.object({ executionName: z.string() }),
          }),
        },
      },
    },
    400: errorContent("Invalid body"),
    404: errorContent("MARKET_NOT_FOUND"),
    409: errorContent("MARKET_ALREADY_RESOLVED: nothing is paid again"),
  },
});

export const restartSettlement = adminRoute({
  method: "post",
  path: "/admin/markets/{marketId}/settle",
  operationId: "restartSettlement",
  tags: ["Admin"],
  summary: "Start the settlement of a resolved market again",
  description:
    "For a settlement that stopped (a crash, a local run that died with its process). " +
    "Safe at any time: a bet already settled is never paid twice.",
  request: { params: marketId },
  responses: {
    202: jsonResponse("Settlement started", z.object({ executionName: z.string() })),
    404: errorContent("MARKET_NOT_FOUND"),
    409: errorContent("MARKET_NOT_RESOLVED: nothing to settle yet"),
  },
});

export const SettlementProgressSchema = z
  .object({
    marketId: z.string(),
    status: z.enum(marketStatuses),
    resolution: z.enum(resolutions).nullable(),
    settlement: z.enum(settlementProgressStates),
    pendingBets: z.number().int(),
    settledBets: z.number().int().nullable(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .openapi("SettlementProgress");

export const settlement = adminRoute({
  method: "get",
  path: "/admin/markets/{marketId}/settlement",
  operationId: "getSettlement",
  tags: ["Admin"],
  summary: "Where a market's settlement stands: state, bets pending and settled",
  description:
    "Before a resolve, `pendingBets` is what the resolve would settle; during the " +
    "settlement it goes down as `settledBets` goes up.",
  request: { params: marketId },
  responses: {
    200: jsonResponse("Settlement progress", SettlementProgressSchema),
    404: errorContent("MARKET_NOT_FOUND"),
  },
});
