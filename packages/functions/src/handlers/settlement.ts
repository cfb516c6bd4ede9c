import { createContext, dbFromConfig, loadConfig } from "@market/core";
import { finishSettlementTask, settlePageTask } from "../workflows/settlement/tasks";
import { configureLambdaRuntime } from "./lambda-runtime";
import { taskHandler } from "./task-middleware";

configureLambdaRuntime();
// Built once per Lambda container (cold start), then reused by every invocation.
const config = loadConfig();
const ctx = createContext({
  db: dbFromConfig(config),
  config,
});

/** "Settle a page of pending bets": input `{ marketId }`, parsed with zod by the task. */
export const settlePage = taskHandler("settlePage", (event) => settlePageTask(event, ctx));

/** "Mark the settlement done". */
export const finish = taskHandler("finishSettlement", (event) => finishSettlementTask(event, ctx));
