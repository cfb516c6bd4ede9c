import type { ClobClient, GammaClient } from "@market/core/polymarket";
import type { ModelRegistry } from "@market/core/predictions/models";
import type { SessionWorkflowStarter, SettlementStarter } from "./workflows/ports";

/** The outside systems the HTTP app and the jobs drive: workflows, Polymarket, models. */
export interface AppServices {
  settlement: SettlementStarter;
  sessions: SessionWorkflowStarter;
  gamma: GammaClient;
  /** Price histories of mirrored markets (the CLOB API, or invented ones over the demo data). */
  clob: ClobClient;
  models: ModelRegistry;
  /**
   * Runs work after the response is sent (a long-lived server: `npm start`,
   * tests), so how long it takes cannot show in the response time. Absent (a
   * Lambda, which freezes once it has answered), the work runs inside the
   * request and only the caller's time floor hides it.
   */
  afterResponse?: (task: () => Promise<void>) => void;
}

/** `afterResponse` for a long-lived process: the task runs on its own; a failure is logged. */
export function inBackground(onError: (error: unknown) => void) {
  return (task: () => Promise<void>): void => {
    setImmediate(() => {
      task().catch(onError);
    });
  };
}
