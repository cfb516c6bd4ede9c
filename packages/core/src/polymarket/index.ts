export { createDemoGammaClient, demoGammaPages } from "./demo";
export { PolymarketBadResponse, PolymarketUnavailable } from "./errors";
export {
  createGammaClient,
  type GammaClient,
  type GammaClientOptions,
  type ListMarketsQuery,
  type PagesOptions,
  paginate,
} from "./gamma-client";
export {
  type GammaMarket,
  gammaMarketSchema,
  parseGammaDate,
  parseGammaPage,
  parseGammaTime,
} from "./gamma-schema";
export { backfillOddsHistory } from "./history/backfill";
export {
  type ClobClient,
  type ClobClientOptions,
  createClobClient,
  type PricePoint,
  type PricesHistoryQuery,
  parsePricesHistory,
} from "./history/clob-client";
export { createDemoClobClient } from "./history/demo";
export {
  type ImportedMarket,
  type MappingResult,
  mapGammaMarket,
  mapGammaPage,
  type PolymarketResult,
  roundOdds,
  type SkipReason,
} from "./mapping";
export { type OddsRefreshReport, refreshWatchedOdds } from "./refresh";
export {
  pollResolutions,
  polymarketMarketId,
  type SyncOptions,
  type SyncReport,
  syncMarkets,
} from "./sync";
