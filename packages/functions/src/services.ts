import type { GammaClient } from "@market/core/polymarket";
import type { ModelRegistry } from "@market/core/predictions/models";
import type { SessionWorkflowStarter, SettlementStarter } from "./workflows/ports";

/** The outside systems the HTTP app and the jobs drive: workflows, Polymarket, models. */
export interface AppServices {
  settlement: SettlementStarter;
  sessions: SessionWorkflowStarter;
  gamma: GammaClient;
  models: ModelRegistry;
}
