export { type ClaimedReward, claimDailyReward } from "./claim";
export * from "./errors";
export {
  maxRewardOffset,
  maxRewardPage,
  type RewardHistoryOptions,
  type RewardHistoryPage,
  rewardHistory,
} from "./history";
export { claimIntervalMs, nextClaimAt, streakAfter, streakWindowMs } from "./rules";
