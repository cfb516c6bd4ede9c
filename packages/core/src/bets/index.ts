export * from "./errors";
export { type PlaceBetInput, type PlacedBet, placeBet } from "./place";
export { type BetView, getOwnBet, listOwnBets, toBetView } from "./read";
export {
  finishSettlement,
  type SettleOutcome,
  type SettlePageResult,
  settleBet,
  settleMarketPage,
} from "./settle";
export { type SettlementProgress, settlementProgress } from "./settlement-progress";
