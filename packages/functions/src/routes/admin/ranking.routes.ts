import { createRoute, z } from "@hono/zod-openapi";
import { requireAdmin } from "../../http/auth";
import { errorContent, jsonResponse } from "../../http/schemas";

export const rankingJobRoute = createRoute({
  method: "post",
  path: "/admin/jobs/ranking",
  tags: ["Admin"],
  summary: "Run the ranking job now (leaderboards, snapshots and ranks)",
  security: [{ bearerAuth: [] }],
  middleware: [requireAdmin] as const,
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
    401: errorContent("Missing or invalid access token"),
    403: errorContent("Not an admin"),
  },
});
