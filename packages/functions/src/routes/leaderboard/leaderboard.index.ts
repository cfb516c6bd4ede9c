import { createRouter } from "../../http/router";
import { pnlLeaderboardHandler, volumeLeaderboardHandler } from "./leaderboard.handlers";
import { pnlLeaderboardRoute, volumeLeaderboardRoute } from "./leaderboard.routes";

export const leaderboardRouter = createRouter()
  .openapi(pnlLeaderboardRoute, pnlLeaderboardHandler)
  .openapi(volumeLeaderboardRoute, volumeLeaderboardHandler);
