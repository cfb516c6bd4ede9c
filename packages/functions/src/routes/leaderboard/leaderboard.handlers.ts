import type { Board } from "@market/core/entities";
import {
  type LeaderboardQuery,
  readLeaderboard,
  toLeaderboardRowView,
} from "@market/core/leaderboard";
import type { Context } from "hono";
import type { AppEnv } from "../../http/env";
import type { AppRouteHandler } from "../../http/route-kinds";
import type * as routes from "./leaderboard.routes";

type Query = Omit<LeaderboardQuery, "board" | "around" | "callerId"> & { around?: "me" };

export const pnl: AppRouteHandler<typeof routes.pnl> = async (c) =>
  c.json(await leaderboard(c, "pnl", c.req.valid("query")), 200);

export const volume: AppRouteHandler<typeof routes.volume> = async (c) =>
  c.json(await leaderboard(c, "volume", c.req.valid("query")), 200);

async function leaderboard(c: Context<AppEnv>, board: Board, query: Query) {
  const page = await readLeaderboard(c.var.core, {
    ...query,
    board,
    around: query.around === "me",
    callerId: c.get("caller")?.userId,
  });
  return {
    leaderboard: page.rows.map(toLeaderboardRowView),
    total: page.total,
    updatedAt: page.updatedAt,
    limit: page.limit,
    offset: page.offset,
    nextCursor: page.nextCursor,
  };
}
