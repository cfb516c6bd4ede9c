export * from "./errors";
export { type Period, periodKeyAt, periods, slotsAt } from "./periods";
export { type RankingReport, runRanking } from "./ranking";
export {
  type LeaderboardPage,
  type LeaderboardQuery,
  readLeaderboard,
  toLeaderboardRowView,
} from "./read";
export { boardSortKey } from "./scores";
export { type BoardRow, type BoardStanding, boardStanding } from "./standing";
export { dirtyShardOf } from "./stats";
