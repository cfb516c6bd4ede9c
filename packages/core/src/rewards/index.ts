export { type ClaimedReward, claimDailyReward } from "./claim";
export * from "./errors";
export { rewardHistory, toRewardView } from "./history";
export { claimIntervalMs, nextClaimAt, streakAfter, streakAt, streakWindowMs } from "./rules";
