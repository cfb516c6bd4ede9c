import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { unwrap } from "../../api/errors";
import type { components, paths } from "../../api/schema";
import { api } from "../../api/sign-in";

export type LeaderboardRow = components["schemas"]["LeaderboardRow"];
export type LeaderboardBoard = "pnl" | "volume";
export type LeaderboardQuery = NonNullable<
  paths["/api/v1/leaderboard/pnl"]["get"]["parameters"]["query"]
>;

export const leaderboardQueries = {
  board: (board: LeaderboardBoard, query: LeaderboardQuery) =>
    queryOptions({
      queryKey: ["leaderboard", board, query],
      queryFn: async () =>
        unwrap(
          board === "pnl"
            ? await api.GET("/api/v1/leaderboard/pnl", { params: { query } })
            : await api.GET("/api/v1/leaderboard/volume", { params: { query } }),
        ),
      placeholderData: keepPreviousData,
    }),
};
