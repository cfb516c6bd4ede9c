import { createHash } from "node:crypto";
import type { SFNClient } from "@aws-sdk/client-sfn";
import { logger } from "../../logger";
import type { SettlementStarter } from "../ports";

export interface SfnSettlementOptions {
  stateMachineArn: string;
  client?: SFNClient | undefined;
  clock?: (() => Date) | undefined;
}

/** Starts the deployed state machine; `done` resolves at once (the run goes on in AWS). */
export function createSfnSettlementStarter(options: SfnSettlementOptions): SettlementStarter {
  let client = options.client;
  const clock = options.clock ?? (() => new Date());
  return {
    async start(marketId) {
      const executionName = settlementExecutionName(marketId, clock());
      const { ExecutionAlreadyExists, SFNClient, StartExecutionCommand } = await import(
        "../sfn-client"
      );
      client ??= new SFNClient({});
      try {
        await client.send(
          new StartExecutionCommand({
            stateMachineArn: options.stateMachineArn,
            name: executionName,
            input: JSON.stringify({ marketId }),
          }),
        );
        logger.info("Settlement started", { marketId, executionName });
      } catch (error) {
        // Only a retried request can reuse a name (it holds a timestamp): that run is ours.
        if (!(error instanceof ExecutionAlreadyExists)) throw error;
        logger.info("Settlement already started", { marketId, executionName });
      }
      return { executionName, done: Promise.resolve() };
    },
  };
}

/** Step Functions allows 80 characters; `[A-Za-z0-9_-]` also keeps CloudWatch happy. */
const maxNameLength = 80;

/**
 * `settle-<marketId>-<UTC timestamp to the ms>`, with anything outside
 * `[A-Za-z0-9_-]` replaced. A market id too long to fit is cut and suffixed
 * with a hash of the whole id, so two markets never share a name.
 */
export function settlementExecutionName(marketId: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:.]/g, "");
  const budget = maxNameLength - "settle-".length - 1 - stamp.length;
  let id = marketId.replace(/[^A-Za-z0-9_-]/g, "-");
  if (id.length > budget || id !== marketId) {
    const hash = createHash("sha256").update(marketId).digest("hex").slice(0, 8);
    id = `${id.slice(0, budget - hash.length - 1)}-${hash}`;
  }
  return `settle-${id}-${stamp}`;
}
