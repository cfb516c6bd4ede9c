import { createRoute } from "@tanstack/react-router";
import { rootRoute } from "../../app/root";
import { pick } from "../../app/search";
import { LeaderboardScreen } from "./LeaderboardScreen";

export interface LeaderboardSearch {
  board?: "pnl" | "volume" | undefined;
  page?: number | undefined;
}

const leaderboardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/leaderboard",
  validateSearch: (search: Record<string, unknown>): LeaderboardSearch => {
    const page = Number(search.page);
    return {
      board: pick(search.board, ["pnl", "volume"] as const),
      page: Number.isInteger(page) && page > 1 && page <= 400 ? page : undefined,
    };
  },
  component: LeaderboardScreen,
});

export const leaderboardRoutes = [leaderboardRoute];
