import { z } from "@hono/zod-openapi";
import { adminRoute } from "../../http/route-kinds";
import { errorContent, jsonResponse } from "../../http/schemas";

const AggregateReportSchema = z
  .object({
    checked: z.object({
      stats: z.number().int(),
      days: z.number().int(),
      flows: z.number().int().openapi({ description: "Users' weeks of credit flows" }),
      sessions: z.number().int().openapi({ description: "Users' prediction sessions of a day" }),
    }),
    differences: z.array(
      z.object({
        key: z.string().openapi({ example: "stat#01JF…#all" }),
        field: z.string(),
        expected: z.number(),
        actual: z.number(),
      }),
    ),
  })
  .openapi("AggregateReport", {
    description:
      "Leaderboard stats, day counters and users' weekly credit flows compared with their recomputation from the ledger and the bets",
  });

export const ReconcileReportSchema = z
  .object({
    startedAt: z.string(),
    finishedAt: z.string(),
    scanned: z.object({
      items: z.number().int(),
      users: z.number().int(),
      entries: z.number().int(),
      bets: z.number().int(),
    }),
    untrackedTotals: z.number().int(),
    differences: z.array(
      z.object({
        userId: z.string(),
        kind: z.string(),
        detail: z.string(),
        seq: z.number().int().optional(),
        betId: z.string().optional(),
      }),
    ),
    derived: AggregateReportSchema,
  })
  .openapi("ReconcileReport");

export const reconcile = adminRoute({
  method: "post",
  path: "/admin/jobs/reconcile",
  operationId: "runReconcile",
  tags: ["Admin"],
  summary: "Check every user's ledger now (reads only)",
  responses: {
    200: jsonResponse("Counts and every difference found", ReconcileReportSchema),
  },
});

export const rebuildAggregates = adminRoute({
  method: "post",
  path: "/admin/jobs/rebuild-aggregates",
  operationId: "runRebuildAggregates",
  tags: ["Admin"],
  summary:
    "Set every leaderboard stat, day counter, week of credit flows and user's sessions of a day that drifted back to its recomputation",
  responses: {
    200: jsonResponse(
      "What was rewritten",
      z.object({
        statsRewritten: z.number().int(),
        daysRewritten: z.number().int(),
        flowsRewritten: z.number().int(),
        sessionsRewritten: z.number().int(),
      }),
    ),
  },
});

export const rankingJob = adminRoute({
  method: "post",
  path: "/admin/jobs/ranking",
  operationId: "runRanking",
  tags: ["Admin"],
  summary: "Run the ranking job now (leaderboards, snapshots and ranks)",
  responses: {
    200: jsonResponse(
      "What the run changed",
      z.object({
        changedUsers: z.number().int(),
        boardsRebuilt: z.number().int(),
        writes: z.number().int(),
        ranksWritten: z.number().int(),
        durationMs: z.number().int(),
      }),
    ),
  },
});

export const sessionSweep = adminRoute({
  method: "post",
  path: "/admin/jobs/session-sweep",
  operationId: "runSessionSweep",
  tags: ["Admin"],
  summary: "Refund sessions stuck past the timeout now (the hourly sweeper)",
  responses: {
    200: {
      description: "What the sweep found and did",
      content: {
        "application/json": {
          schema: z.object({
            found: z.number().int(),
            outcomes: z.record(z.string(), z.number().int()),
          }),
        },
      },
    },
  },
});

export const SyncReportSchema = z
  .object({
    fetched: z.number().int(),
    upserted: z.number().int(),
    unchanged: z.number().int(),
    skipped: z.number().int(),
    resolved: z.number().int(),
    needsReview: z.number().int(),
    failed: z.number().int(),
    historyBackfilled: z
      .number()
      .int()
      .openapi({ description: "Markets whose price history was copied this run" }),
    historyFailed: z
      .number()
      .int()
      .openapi({ description: "Markets whose history copy failed (tried again next run)" }),
    skippedReasons: z.record(z.string(), z.number().int()),
  })
  .openapi("SyncReport");

export const marketSync = adminRoute({
  method: "post",
  path: "/admin/jobs/market-sync",
  operationId: "runMarketSync",
  tags: ["Admin"],
  summary: "Run the Polymarket market sync now",
  responses: {
    200: {
      description: "What the run did",
      content: { "application/json": { schema: SyncReportSchema } },
    },
    503: errorContent("POLYMARKET_UNAVAILABLE: stored markets are still served"),
  },
});

export const resolutionPoll = adminRoute({
  method: "post",
  path: "/admin/jobs/resolution-poll",
  operationId: "runResolutionPoll",
  tags: ["Admin"],
  summary: "Close the markets past their end date, and re-check those that may have a result now",
  responses: {
    200: {
      description: "What the run did (`closed`: open markets moved to closed at their end date)",
      content: {
        "application/json": {
          schema: SyncReportSchema.extend({ checked: z.number().int(), closed: z.number().int() }),
        },
      },
    },
    503: errorContent("POLYMARKET_UNAVAILABLE"),
  },
});
