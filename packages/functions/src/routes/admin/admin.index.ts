import { createRouter } from "../../http/router";
import { adminCredits } from "./admin.handlers";
import { adminCreditsRoute } from "./admin.routes";
import {
  createMarketHandler,
  marketSyncHandler,
  resolutionPollHandler,
  resolveMarketHandler,
  restartSettlementHandler,
} from "./markets.handlers";
import {
  createMarketRoute,
  marketSyncRoute,
  resolutionPollRoute,
  resolveMarketRoute,
  restartSettlementRoute,
} from "./markets.routes";
import { predictionAnalyticsHandler, sessionSweepHandler } from "./predictions.handlers";
import { predictionAnalyticsRoute, sessionSweepRoute } from "./predictions.routes";
import { rankingJobHandler } from "./ranking.handlers";
import { rankingJobRoute } from "./ranking.routes";

export const adminRouter = createRouter()
  .openapi(adminCreditsRoute, adminCredits)
  .openapi(createMarketRoute, createMarketHandler)
  .openapi(resolveMarketRoute, resolveMarketHandler)
  .openapi(restartSettlementRoute, restartSettlementHandler)
  .openapi(marketSyncRoute, marketSyncHandler)
  .openapi(resolutionPollRoute, resolutionPollHandler)
  .openapi(predictionAnalyticsRoute, predictionAnalyticsHandler)
  .openapi(sessionSweepRoute, sessionSweepHandler)
  .openapi(rankingJobRoute, rankingJobHandler);
