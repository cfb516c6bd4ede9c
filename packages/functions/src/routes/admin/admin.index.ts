import { createRouter } from "../../http/validating-router";
import * as analytics from "./analytics.handlers";
import * as analyticsRoutes from "./analytics.routes";
import * as credits from "./credits.handlers";
import * as creditRoutes from "./credits.routes";
import * as jobs from "./jobs.handlers";
import * as jobRoutes from "./jobs.routes";
import * as markets from "./markets.handlers";
import * as marketRoutes from "./markets.routes";
import * as users from "./users.handlers";
import * as userRoutes from "./users.routes";

export const adminRouter = createRouter()
  .openapi(creditRoutes.postCredits, credits.postCredits)
  .openapi(marketRoutes.create, markets.create)
  .openapi(marketRoutes.resolve, markets.resolve)
  .openapi(marketRoutes.restartSettlement, markets.restartSettlement)
  .openapi(marketRoutes.settlement, markets.settlement)
  .openapi(jobRoutes.marketSync, jobs.marketSync)
  .openapi(jobRoutes.resolutionPoll, jobs.resolutionPoll)
  .openapi(analyticsRoutes.analytics, analytics.analytics)
  .openapi(analyticsRoutes.credits, analytics.credits)
  .openapi(jobRoutes.sessionSweep, jobs.sessionSweep)
  .openapi(jobRoutes.rankingJob, jobs.rankingJob)
  .openapi(jobRoutes.rebuildAggregates, jobs.rebuildAggregates)
  .openapi(userRoutes.searchUsers, users.searchUsers)
  .openapi(userRoutes.getAdminUser, users.getAdminUser)
  .openapi(userRoutes.patchAdminUser, users.patchAdminUser)
  .openapi(userRoutes.adminUserLedger, users.adminUserLedger)
  .openapi(userRoutes.listAuditEvents, users.listAuditEvents)
  .openapi(jobRoutes.reconcile, jobs.reconcile);
