import { createRouter } from "../../http/router";
import * as credits from "./admin.handlers";
import * as creditRoutes from "./admin.routes";
import * as markets from "./markets.handlers";
import * as marketRoutes from "./markets.routes";
import * as predictions from "./predictions.handlers";
import * as predictionRoutes from "./predictions.routes";

export const adminRouter = createRouter()
  .openapi(creditRoutes.postCredits, credits.postCredits)
  .openapi(marketRoutes.create, markets.create)
  .openapi(marketRoutes.resolve, markets.resolve)
  .openapi(marketRoutes.restartSettlement, markets.restartSettlement)
  .openapi(marketRoutes.marketSync, markets.marketSync)
  .openapi(marketRoutes.resolutionPoll, markets.resolutionPoll)
  .openapi(predictionRoutes.analytics, predictions.analytics)
  .openapi(predictionRoutes.sessionSweep, predictions.sessionSweep);
