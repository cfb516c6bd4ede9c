import { z } from "@hono/zod-openapi";
import { adminRoute } from "../../http/routes";
import { jsonResponse } from "../../http/schemas";

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
