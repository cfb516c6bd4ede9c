import {
  claimDailyReward,
  DailyRewardClaimed,
  rewardHistory,
  toRewardView,
} from "@market/core/rewards";
import { errorBody } from "../../http/errors";
import { pageBody } from "../../http/pages";
import type { AppRouteHandler } from "../../http/route-kinds";
import type * as routes from "./rewards.routes";

export const claimDaily: AppRouteHandler<typeof routes.claimDaily> = async (c) => {
  try {
    const claimed = await claimDailyReward(c.var.core, c.var.caller.userId, {
      checkCaller: c.var.caller.checkOnRead,
    });
    return c.json(
      {
        reward: toRewardView(claimed.reward),
        newBalance: claimed.newBalance,
        nextClaimAvailable: claimed.nextClaimAvailable,
      },
      201,
    );
  } catch (error) {
    // The API contract puts `nextClaimAvailable` at the top of this error's body.
    if (!(error instanceof DailyRewardClaimed)) throw error;
    const body = errorBody(409, error.code, error.message, error.details);
    return c.json({ ...body, nextClaimAvailable: error.nextClaimAvailable }, 409);
  }
};

export const history: AppRouteHandler<typeof routes.history> = async (c) => {
  const page = await rewardHistory(c.var.core, c.var.caller.userId, c.req.valid("query"));
  return c.json(pageBody("rewards", page, toRewardView), 200);
};
