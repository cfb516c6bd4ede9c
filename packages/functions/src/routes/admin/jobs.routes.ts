import { z } from "@hono/zod-openapi";
import { adminRoute } from "../../http/route-kinds";
import { jsonResponse } from "../../http/schemas";

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
  })
  .openapi("ReconcileReport");

export const reconcile = adminRoute({
  method: "post",
  path: "/admin/jobs/reconcile",
  tags: ["Admin"],
  summary: "Check every user's ledger now (reads only)",
  responses: {
    200: jsonResponse("Counts and every difference found", ReconcileReportSchema),
  },
});

export const rankingJob = adminRoute({
  method: "post",
  path: "/admin/jobs/ranking",
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
