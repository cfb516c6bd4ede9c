import { createRouter } from "../../http/validating-router";
import * as leaderboard from "./leaderboard.handlers";
import * as routes from "./leaderboard.routes";

export const leaderboardRouter = createRouter()
  .openapi(routes.pnl, leaderboard.pnl)
  .openapi(routes.volume, leaderboard.volume);
