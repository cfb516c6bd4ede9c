import { createRouter } from "../../http/router";
import { claimDailyRewardHandler, rewardHistoryHandler } from "./rewards.handlers";
import { claimDailyRewardRoute, rewardHistoryRoute } from "./rewards.routes";

export const rewardsRouter = createRouter()
  .openapi(claimDailyRewardRoute, claimDailyRewardHandler)
  .openapi(rewardHistoryRoute, rewardHistoryHandler);
