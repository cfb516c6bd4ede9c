import { z } from "@hono/zod-openapi";
import { periods } from "@market/core/leaderboard";
import { pageSizes } from "@market/core/limits";
import { optionalUser } from "../../http/auth";
import { pagedQuery } from "../../http/pages";
import { publicRoute } from "../../http/route-kinds";
import { errorContent, jsonResponse } from "../../http/schemas";

export const LeaderboardRowSchema = z
  .object({
    rank: z.number().int().openapi({ description: "Standard competition rank: 1, 2, 2, 4" }),
    user: z.object({ id: z.string(), username: z.string() }),
    overallPnL: z.number(),
    totalVolume: z.number(),
  })
  .openapi("LeaderboardRow");

const query = pagedQuery(
  {
    period: z.enum(periods).default("all").openapi({
      description:
        "`all`, or the current UTC month, ISO week or day: PnL of bets settled, volume of bets placed in it",
    }),
    around: z.enum(["me"]).optional().openapi({
      description: "`me` (signed in): the page that holds the caller; `offset` is chosen for it",
    }),
  },
  pageSizes.leaderboard,
).refine((value) => !(value.around && (value.cursor || value.offset !== undefined)), {
  message: "cannot be combined with offset or cursor",
  path: ["around"],
});

const leaderboardRoute = (board: "pnl" | "volume", operationId: string, summary: string) =>
  publicRoute({
    method: "get",
    path: `/leaderboard/${board}`,
    operationId,
    tags: ["Leaderboard"],
    summary,
    description:
      "Read from the snapshot the ranking job keeps (every 15 minutes and after each " +
      "settlement). Ties share a rank and are ordered by username.",
    middleware: [optionalUser] as const,
    request: { query },
    responses: {
      200: jsonResponse(
        "One page; pass `nextCursor` back as `cursor` for the next",
        z.object({
          leaderboard: z.array(LeaderboardRowSchema),
          total: z.number().int(),
          limit: z.number().int(),
          offset: z.number().int(),
          nextCursor: z.string().nullable(),
          updatedAt: z.string().nullable().openapi({
            description:
              "When the ranking job last rebuilt this board (its figures are as of then); null before any run",
          }),
        }),
      ),
      400: errorContent("Invalid query (limit, offset beyond 10,000, cursor with offset)"),
      401: errorContent("around=me without a valid access token"),
    },
  });

export const pnl = leaderboardRoute("pnl", "rankByPnl", "Users by realised profit and loss");
export const volume = leaderboardRoute("volume", "rankByVolume", "Users by volume bet");
