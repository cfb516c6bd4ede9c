import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { createContext, dbFromConfig, loadConfig } from "@market/core";
import middy from "@middy/core";
import { loadServices } from "../deps";
import { runExpiry } from "../jobs/expiry";
import { oddsRefreshTwice, runMarketSync, runResolutionPoll } from "../jobs/markets";
import { runRankingJob } from "../jobs/ranking";
import { runReconcile } from "../jobs/reconcile";
import { logger } from "../logger";
import { observeCreditMovements } from "../metrics";
import { withBoundSecrets } from "../secrets";
import { configureLambdaRuntime } from "./lambda-runtime";

configureLambdaRuntime();
// Built once per container; every scheduled invocation reuses them.
const config = await withBoundSecrets(loadConfig());
const db = dbFromConfig(config);
const core = createContext({ db, config });
observeCreditMovements();
const services = await loadServices(config, db, { local: false });

/** EventBridge, every 5 minutes. */
export const marketSync = middy(() => runMarketSync(core, services)).use(
  injectLambdaContext(logger, { resetKeys: true }),
);

/** EventBridge, every minute. */
export const resolutionPoll = middy(() => runResolutionPoll(core, services)).use(
  injectLambdaContext(logger, { resetKeys: true }),
);

/** EventBridge, every minute: two passes 30 s apart of the odds refresh of markets with pending bets. */
export const oddsRefresh = middy(() => oddsRefreshTwice(core, services)).use(
  injectLambdaContext(logger, { resetKeys: true }),
);

/** EventBridge, daily: the ledger reconcile (reads only; `ReconcileDifferences` metric). */
export const reconcile = middy(async () => {
  const report = await runReconcile(core);
  return { scanned: report.scanned, differences: report.differences.length };
}).use(injectLambdaContext(logger, { resetKeys: true }));
/** EventBridge, every 15 minutes: leaderboards, snapshots and ranks (docs/ranking.md). */
export const ranking = middy(() => runRankingJob(core, "schedule")).use(
  injectLambdaContext(logger, { resetKeys: true }),
);

/** EventBridge, daily: expires inactive balances when `CREDIT_EXPIRY_INACTIVE_DAYS` is set. */
export const expiry = middy(() => runExpiry(core)).use(
  injectLambdaContext(logger, { resetKeys: true }),
);
