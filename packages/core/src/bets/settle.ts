import type { CoreContext } from "../context";
import type { BetItem } from "../entities/bet";
import type { LedgerEntryItem } from "../entities/ledger-entry";
import type { Resolution } from "../entities/market";
import { type BatchMovement, type BatchOutcome, postLedgerBatch } from "../ledger/post-batch";
import { getResolvedMarket } from "../markets/market";
import { serviceFor, type TransactionEntities } from "../service";
import { afterBetsSettled } from "./after-settle";
import { settledPnL } from "./payout";
import { recordSettledPage } from "./settlement-progress";

export type SettleOutcome = "won" | "lost" | "cancelled" | "already settled";

/**
 * Settles one bet exactly once (a page of one: see `settleMarketPage`). Throws
 * when the bet cannot settle now (a refund past the balance cap, a user gone).
 */
export async function settleBet(
  ctx: CoreContext,
  bet: BetItem,
  resolution: Resolution,
): Promise<SettleOutcome> {
  const movement = settlementMovement(bet, resolution, ctx.clock().toISOString());
  const outcome = (await postLedgerBatch(ctx, [movement])).get(bet.betId);
  return outcomeOf(bet, resolution, outcome);
}

/**
 * What settling a bet writes, for the ledger's batch: won pays
 * `bet_payout#<betId>` up to the balance cap (the rest forfeited on the entry,
 * docs/product-rules.md), invalid refunds `bet_refund#<betId>`, lost writes no
 * entry and only books the loss in PnL. Every path changes the bet under the
 * condition `status = pending` in the same transaction as its credit movement,
 * so a replayed or concurrent settlement is a no-op.
 */
function settlementMovement(
  bet: BetItem,
  resolution: Resolution,
  resolvedAt: string,
): BatchMovement {
  const pendingOnly =
    (status: "won" | "lost" | "cancelled") =>
    (entities: TransactionEntities, entry: LedgerEntryItem | undefined) =>
      entities.bet
        .patch({ betId: bet.betId })
        .set({
          status,
          actualPayout: entry?.amount ?? 0,
          resolvedAt,
          userId: bet.userId,
          marketId: bet.marketId,
        })
        .where((item, { eq }) => eq(item.status, "pending"))
        .commit();
  const about = { referenceId: bet.betId, marketId: bet.marketId };
  if (resolution === "invalid") {
    return {
      id: bet.betId,
      userId: bet.userId,
      entry: {
        ...about,
        amount: bet.amount,
        type: "bet_refund",
        reason: `Refund: "${bet.marketTitle}" resolved invalid`,
        idempotencyKey: `bet_refund#${bet.betId}`,
      },
      userTotals: { bets: { pending: -1, cancelled: 1 } },
      guard: pendingOnly("cancelled"),
    };
  }
  if (resolution === bet.side) {
    return {
      id: bet.betId,
      userId: bet.userId,
      entry: {
        ...about,
        amount: bet.potentialPayout,
        type: "bet_payout",
        reason: `Won: "${bet.marketTitle}"`,
        idempotencyKey: `bet_payout#${bet.betId}`,
        upToCap: true,
      },
      userTotals: (credited) => ({
        pnl: settledPnL(bet.amount, credited),
        bets: { pending: -1, won: 1 },
      }),
      guard: pendingOnly("won"),
    };
  }
  return {
    id: bet.betId,
    userId: bet.userId,
    userTotals: { pnl: settledPnL(bet.amount, 0), bets: { pending: -1, lost: 1 } },
    guard: pendingOnly("lost"),
  };
}

function outcomeOf(
  bet: BetItem,
  resolution: Resolution,
  outcome: BatchOutcome | undefined,
): SettleOutcome {
  if (!outcome) throw new Error(`bet ${bet.betId} left out of its settlement batch`);
  if (outcome.kind === "refused") throw outcome.error;
  if (outcome.kind === "already done") return "already settled";
  if (resolution === "invalid") return "cancelled";
  return resolution === bet.side ? "won" : "lost";
}

export interface SettlePageResult {
  marketId: string;
  settled: number;
  outcomes: Record<SettleOutcome, number>;
  /** True when pending bets may remain: call again. */
  more: boolean;
}

/**
 * Bets per settlement page. The workflow loops once per page (two state
 * transitions), so 10,000 bets take 11 pages, 24 transitions; a page of 1,000 is
 * one Query, a BatchGetItem per 100 credited users and some 20 transactions of
 * up to 100 items, a few seconds at most, far inside the task's 120 s timeout.
 */
export const settlementPageSize = 1_000;

/**
 * Settles up to `pageSize` pending bets of a resolved market. Settled bets leave
 * the `pendingByMarket` index, so every call simply takes the first page again:
 * a run interrupted anywhere and started over skips nothing and pays nothing twice.
 */
export async function settleMarketPage(
  ctx: CoreContext,
  marketId: string,
  pageSize = settlementPageSize,
  concurrency = 8,
): Promise<SettlePageResult> {
  const service = serviceFor(ctx.db);
  const { resolution } = await getResolvedMarket(ctx, marketId);
  const { data: bets } = await service.entities.bet.query
    .pendingByMarket({ marketId, status: "pending" })
    .go({ count: pageSize, pages: "all" });

  const { outcomes, refused } = await settleBets(ctx, bets, resolution, concurrency);
  if (bets.length > 0) {
    await recordSettledPage(ctx, marketId, outcomes.won + outcomes.lost + outcomes.cancelled);
  }
  // The rest of the page is paid; a bet that cannot settle fails the run, as before.
  if (refused[0]) throw refused[0];
  return { marketId, settled: bets.length, outcomes, more: bets.length === pageSize };
}

/**
 * Settles `bets` of a market resolved as `resolution` in a few transactions,
 * each across users (ledger/post-batch.ts); bets settled before are counted
 * `already settled` and written nothing. Bets that cannot settle now (a refund
 * past the balance cap) come back as `refused`, the rest settled.
 */
export async function settleBets(
  ctx: CoreContext,
  bets: readonly BetItem[],
  resolution: Resolution,
  concurrency = 8,
): Promise<{ outcomes: Record<SettleOutcome, number>; refused: unknown[] }> {
  const outcomes: Record<SettleOutcome, number> = {
    won: 0,
    lost: 0,
    cancelled: 0,
    "already settled": 0,
  };
  const resolvedAt = ctx.clock().toISOString();
  const posted = await postLedgerBatch(
    ctx,
    bets.map((bet) => settlementMovement(bet, resolution, resolvedAt)),
    { concurrency },
  );
  const refused: unknown[] = [];
  for (const bet of bets) {
    try {
      outcomes[outcomeOf(bet, resolution, posted.get(bet.betId))] += 1;
    } catch (error) {
      refused.push(error);
    }
  }
  // A user's first settled bet pays their referral, if one waits (one read per 100 users).
  await afterBetsSettled(
    ctx,
    resolution === "invalid"
      ? []
      : bets.filter((bet) => posted.get(bet.betId)?.kind === "posted").map((bet) => bet.userId),
  );
  return { outcomes, refused };
}

/** Marks a market's settlement finished (the workflow's last step). */
export async function finishSettlement(ctx: CoreContext, marketId: string): Promise<void> {
  const now = ctx.clock().toISOString();
  await serviceFor(ctx.db)
    .entities.market.patch({ marketId })
    .set({ settlement: "done", settlementFinishedAt: now, updatedAt: now })
    .go();
}
