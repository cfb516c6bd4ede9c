export { type CashedOut, type CashoutQuote, cashOut, quoteCashout } from "./cashout";
export * from "./errors";
export { type PlaceBetInput, type PlacedBet, placeBet } from "./place";
export {
  type Portfolio,
  type Position,
  type PrivatePortfolio,
  type PublicPortfolio,
  readPortfolio,
  readPublicPortfolio,
} from "./portfolio";
export { type PortfolioPoint, portfolioHistoryOf } from "./portfolio-history";
export { type BetView, getOwnBet, listOwnBetViews, toBetView, toBetViews } from "./read";
export {
  finishSettlement,
  type SettleOutcome,
  type SettlePageResult,
  settleBet,
  settleBets,
  settleMarketPage,
  settlementPageSize,
} from "./settle";
export {
  type SettlementProgress,
  settlementProgress,
  settlementProgressStates,
} from "./settlement-progress";
