import { createRoute, z } from "@hono/zod-openapi";
import { requireAdmin } from "../../http/auth";
import { errorContent, jsonResponse } from "../../http/schemas";

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

export const reconcileRoute = createRoute({
  method: "post",
  path: "/admin/jobs/reconcile",
  tags: ["Admin"],
  summary: "Check every user's ledger now (reads only)",
  security: [{ bearerAuth: [] }],
  middleware: [requireAdmin] as const,
  responses: {
    200: jsonResponse("Counts and every difference found", ReconcileReportSchema),
    401: errorContent("Missing or invalid access token"),
    403: errorContent("Not an admin"),
  },
});
