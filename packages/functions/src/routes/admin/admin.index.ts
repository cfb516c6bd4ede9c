import { createRouter } from "../../http/router";
import { adminCredits } from "./admin.handlers";
import { adminCreditsRoute } from "./admin.routes";
import { reconcile } from "./jobs.handlers";
import { reconcileRoute } from "./jobs.routes";
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
import {
  adminUserLedger,
  getAdminUser,
  listAuditEvents,
  patchAdminUser,
  searchUsers,
} from "./users.handlers";
import {
  adminUserLedgerRoute,
  getAdminUserRoute,
  listAuditRoute,
  patchAdminUserRoute,
  searchUsersRoute,
} from "./users.routes";

export const adminRouter = createRouter()
  .openapi(adminCreditsRoute, adminCredits)
  .openapi(createMarketRoute, createMarketHandler)
  .openapi(resolveMarketRoute, resolveMarketHandler)
  .openapi(restartSettlementRoute, restartSettlementHandler)
  .openapi(marketSyncRoute, marketSyncHandler)
  .openapi(resolutionPollRoute, resolutionPollHandler)
  .openapi(predictionAnalyticsRoute, predictionAnalyticsHandler)
  .openapi(sessionSweepRoute, sessionSweepHandler)
  .openapi(searchUsersRoute, searchUsers)
  .openapi(getAdminUserRoute, getAdminUser)
  .openapi(patchAdminUserRoute, patchAdminUser)
  .openapi(adminUserLedgerRoute, adminUserLedger)
  .openapi(listAuditRoute, listAuditEvents)
  .openapi(reconcileRoute, reconcile);
