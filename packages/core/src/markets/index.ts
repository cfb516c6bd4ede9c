export { type CreateMarketInput, createMarket } from "./create";
export * from "./errors";
export {
  type ListMarketsInput,
  listMarkets,
  type MarketPage,
  type MarketSort,
  marketSorts,
} from "./list";
export {
  assertOpen,
  closedReason,
  findMarket,
  getMarket,
  getResolvedMarket,
  type MarketView,
  noExpiry,
  resolveMarket,
  toMarketView,
} from "./market";
export {
  downsample,
  maxChartPoints,
  type OddsPoint,
  type OddsRange,
  oddsHistoryOver,
  oddsRanges,
  oddsSnapshotsOver,
} from "./odds-history";
export { watchOdds } from "./odds-watch";
export {
  reindexMarketSearch,
  type SearchReindexOptions,
  type SearchReindexReport,
} from "./reindex-search";
export { type MarketFields, oddsHistory, type SaveOutcome, saveMarket, storeMarket } from "./save";
export { queryTokens, searchTokens, tokenize } from "./search";
export { aliasesOf, searchAliasGroups } from "./search-aliases";
export { closeExpiredMarkets } from "./status";
