import { QueryCommand, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import type { CoreContext } from "../context";
import type { MarketStatus, Resolution } from "../entities/market";
import { getMarket } from "../markets/market";
import { serviceFor } from "../service";

/** Where a market's settlement stands (the admin console follows it). */
export interface SettlementProgress {
  marketId: string;
  status: MarketStatus;
  resolution: Resolution | null;
  /** `none` until the market resolves; then `pending`, `running` (a page settled), `done`. */
  settlement: "none" | "pending" | "running" | "done";
  /** Bets still pending on the market: what a resolve would settle, or what is left to settle. */
  pendingBets: number;
  /** Bets the settlement run has settled so far; null before its first page (or unknown). */
  settledBets: number | null;
  startedAt: string | null;
  finishedAt: string | null;
}

/**
 * The settlement state of a market: its own item, plus the pending bets counted
 * on the `pendingByMarket` index (`Select: COUNT`, so only the count travels).
 * The count reads the whole index partition: admin-only, never on a user's path.
 */
export async function settlementProgress(
  ctx: CoreContext,
  marketId: string,
): Promise<SettlementProgress> {
  const market = await getMarket(ctx, marketId);
  return {
    marketId,
    status: market.status,
    resolution: market.resolution ?? null,
    settlement: market.settlement ?? "none",
    pendingBets: await countPendingBets(ctx, marketId),
    settledBets: market.settledBets ?? null,
    startedAt: market.settlementStartedAt ?? null,
    finishedAt: market.settlementFinishedAt ?? null,
  };
}

async function countPendingBets(ctx: CoreContext, marketId: string): Promise<number> {
  const params = serviceFor(ctx.db)
    .entities.bet.query.pendingByMarket({ marketId, status: "pending" })
    .params() as QueryCommandInput;
  let count = 0;
  let startKey: QueryCommandInput["ExclusiveStartKey"];
  do {
    const page = await ctx.db.client.send(
      new QueryCommand({ ...params, Select: "COUNT", ExclusiveStartKey: startKey }),
    );
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return count;
}

/**
 * After a page of bets was settled: the settlement is `running`, started at its
 * first page, and `settled` more bets are counted (bets a replay found already
 * settled are not counted again).
 */
export async function recordSettledPage(
  ctx: CoreContext,
  marketId: string,
  settled: number,
): Promise<void> {
  const now = ctx.clock().toISOString();
  await serviceFor(ctx.db)
    .entities.market.patch({ marketId })
    .add({ settledBets: settled })
    .data((attributes, { ifNotExists, set }) => {
      set(attributes.settlement, "running");
      set(attributes.updatedAt, now);
      ifNotExists(attributes.settlementStartedAt, now);
    })
    .go();
}
