import type { CoreContext } from "@market/core";
import { finishSettlement, type SettleOutcome, settleMarketPage } from "@market/core/bets";
import { scorePredictions } from "@market/core/predictions";
import { z } from "zod";
import { runRankingJob } from "../../jobs/ranking";
import { logger } from "../../logger";
import { observeCreditMovements, settlementMetrics } from "../../metrics";

// The settlement Lambda runs no app: its payouts and refunds are observed here.
observeCreditMovements();

/**
 * The tasks of the settlement workflow (`settlement.asl.json`), as plain
 * functions of their input and a core context: the Lambda handlers in AWS and
 * the local engine in `npm start` and tests call the same ones.
 */

/** What each task receives (the ASL's `Parameters` pass only the market). */
export const settlementTaskInput = z.object({ marketId: z.string().min(1) });

export interface SettlePageOutput {
  marketId: string;
  /** True when pending bets may remain; the workflow's Choice loops on it. */
  more: boolean;
  settled: number;
  outcomes: Record<SettleOutcome, number>;
}

export interface SettlePageOptions {
  /** Bets per task call; by default `settlementPageSize` (1,000: 24 state transitions per 10,000 bets). */
  pageSize?: number | undefined;
  /** Transactions in flight at once within the page. */
  concurrency?: number | undefined;
}

/** "Settle a page of pending bets": the first page of still-pending bets, each exactly once. */
export async function settlePageTask(
  input: unknown,
  ctx: CoreContext,
  options: SettlePageOptions = {},
): Promise<SettlePageOutput> {
  const { marketId } = settlementTaskInput.parse(input);
  const page = await settleMarketPage(ctx, marketId, options.pageSize, options.concurrency);
  logger.info("Settled a page of bets", {
    marketId,
    settled: page.settled,
    outcomes: page.outcomes,
  });
  settlementMetrics(page.settled, page.outcomes);
  return { marketId, more: page.more, settled: page.settled, outcomes: page.outcomes };
}

/** "Mark the settlement done". */
export async function finishSettlementTask(
  input: unknown,
  ctx: CoreContext,
  options: {
    /**
     * Brings the derived numbers up to date first (locally: the stream consumer
     * runs in this process). In AWS the consumer follows within its batching
     * window; what the ranking below misses, the 15-minute run counts.
     */
    beforeRanking?: (() => Promise<unknown>) | undefined;
  } = {},
): Promise<{ marketId: string }> {
  const { marketId } = settlementTaskInput.parse(input);
  await finishSettlement(ctx, marketId);
  // The market's result is known now: score the AI forecasts made on it (once each).
  const scored = await scorePredictions(ctx, marketId);
  logger.info("Settlement done", { marketId, scoredPredictions: scored });
  // The PnL of every settled bet counts now: rank at once. A failed run leaves its
  // markers for the next one (the 15-minute schedule), so it does not fail the settlement.
  try {
    await options.beforeRanking?.();
    await runRankingJob(ctx, `settlement:${marketId}`);
  } catch (error) {
    logger.error("ranking after settlement failed", { marketId, error });
  }
  return { marketId };
}
