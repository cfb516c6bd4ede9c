import { cancellationReasons, conditionFailed, TransactionCancelled } from "../conditions";
import type { CoreContext } from "../context";
import { dayOf } from "../counters";
import type { BetItem } from "../entities/bet";
import type { Resolution } from "../entities/market";
import type { UserItem } from "../entities/user";
import { statWrites } from "../leaderboard/stats";
import { ExtraWriteRejected } from "../ledger/errors";
import { postLedgerEntry } from "../ledger/post";
import { getResolvedMarket } from "../markets/market";
import { serviceFor, type TransactionEntities } from "../service";
import { afterBetSettled } from "./after-settle";
import { settledPnL } from "./payout";
import { recordSettledPage } from "./settlement-progress";

export type SettleOutcome = "won" | "lost" | "cancelled" | "already settled";

/**
 * Settles one bet exactly once. Every path changes the bet under the condition
 * `status = pending` in the same transaction as its credit movement, so a
 * replayed or concurrent settlement is a no-op: won pays `bet_payout#<betId>`,
 * invalid refunds `bet_refund#<betId>`, lost only books the loss in PnL.
 */
export async function settleBet(
  ctx: CoreContext,
  bet: BetItem,
  resolution: Resolution,
  /**
   * Users as last read or written by this settlement run: a credit starts from
   * the one known here instead of reading the user again. A stale one costs a
   * retry, never a wrong balance (the write is conditioned on `ledgerSeq`).
   */
  knownUsers?: Map<string, UserItem>,
): Promise<SettleOutcome> {
  const settledAt = ctx.clock();
  const resolvedAt = settledAt.toISOString();
  // The PnL boards follow in the same transaction (leaderboard module).
  const stats = (entities: TransactionEntities, pnl: number) =>
    statWrites(entities, ctx, { userId: bet.userId, at: settledAt, pnl });
  const pendingOnly = (
    entities: TransactionEntities,
    status: "won" | "cancelled",
    actualPayout: number,
  ) =>
    entities.bet
      .patch({ betId: bet.betId })
      .set({ status, actualPayout, resolvedAt, userId: bet.userId, marketId: bet.marketId })
      .where((item, { eq }) => eq(item.status, "pending"))
      .commit();

  try {
    if (resolution === "invalid") {
      const posting = await postLedgerEntry(ctx, {
        userId: bet.userId,
        amount: bet.amount,
        type: "bet_refund",
        reason: `Refund: "${bet.marketTitle}" resolved invalid`,
        referenceId: bet.betId,
        marketId: bet.marketId,
        idempotencyKey: `bet_refund#${bet.betId}`,
        knownUser: knownUsers?.get(bet.userId),
        userTotals: { bets: { pending: -1, cancelled: 1 } },
        alsoWrite: (entities) => ({
          bet: pendingOnly(entities, "cancelled", bet.amount),
          stats: stats(entities, settledPnL(bet.amount, bet.amount)),
        }),
      });
      remember(knownUsers, bet.userId, posting);
      return posting.replayed ? "already settled" : "cancelled";
    }
    if (resolution === bet.side) {
      // At the balance cap the payout is credited up to the cap and the rest is
      // forfeited on the entry (docs/product-rules.md), so settlement always finishes.
      const posting = await postLedgerEntry(ctx, {
        userId: bet.userId,
        amount: bet.potentialPayout,
        type: "bet_payout",
        reason: `Won: "${bet.marketTitle}"`,
        referenceId: bet.betId,
        marketId: bet.marketId,
        idempotencyKey: `bet_payout#${bet.betId}`,
        upToCap: true,
        knownUser: knownUsers?.get(bet.userId),
        userTotals: (credited) => ({
          pnl: settledPnL(bet.amount, credited),
          bets: { pending: -1, won: 1 },
        }),
        alsoWrite: (entities, entry) => ({
          bet: pendingOnly(entities, "won", entry.amount),
          stats: stats(entities, settledPnL(bet.amount, entry.amount)),
        }),
      });
      remember(knownUsers, bet.userId, posting);
      return posting.replayed ? "already settled" : "won";
    }
  } catch (error) {
    if (error instanceof ExtraWriteRejected) return "already settled";
    throw error;
  }
  return settleLoss(ctx, bet, settledAt);
}

/** After a credit, the balance and sequence number the user now has. */
function remember(
  knownUsers: Map<string, UserItem> | undefined,
  userId: string,
  posting: { replayed: boolean; balanceAfter: number; seq: number; createdAt: string },
): void {
  const known = knownUsers?.get(userId);
  if (!known) return;
  if (posting.replayed) knownUsers?.delete(userId);
  else {
    knownUsers?.set(userId, {
      ...known,
      balance: posting.balanceAfter,
      ledgerSeq: posting.seq,
      // The credit counted the user active that day (analytics): the next one need not.
      lastActiveDay: dayOf(posting.createdAt),
    });
  }
}

async function settleLoss(ctx: CoreContext, bet: BetItem, settledAt: Date): Promise<SettleOutcome> {
  const lostPnL = settledPnL(bet.amount, 0);
  const resolvedAt = settledAt.toISOString();
  const result = await serviceFor(ctx.db)
    .transaction.write((entities) => [
      entities.bet
        .patch({ betId: bet.betId })
        .set({
          status: "lost",
          actualPayout: 0,
          resolvedAt,
          userId: bet.userId,
          marketId: bet.marketId,
        })
        .where((item, { eq }) => eq(item.status, "pending"))
        .commit(),
      entities.user
        .patch({ userId: bet.userId })
        .add({ pnl: lostPnL, bets_pending: -1, bets_lost: 1 })
        .set({ updatedAt: resolvedAt })
        .commit(),
      ...statWrites(entities, ctx, { userId: bet.userId, at: settledAt, pnl: lostPnL }),
    ])
    .go();
  if (!result.canceled) return "lost";
  const reasons = cancellationReasons(result);
  if (reasons[0]?.code === conditionFailed) return "already settled";
  throw new TransactionCancelled("Loss settlement", reasons);
}

export interface SettlePageResult {
  marketId: string;
  settled: number;
  outcomes: Record<SettleOutcome, number>;
  /** True when pending bets may remain: call again. */
  more: boolean;
}

/**
 * Settles up to `pageSize` pending bets of a resolved market. Settled bets leave
 * the `pendingByMarket` index, so every call simply takes the first page again:
 * a run interrupted anywhere and started over skips nothing and pays nothing twice.
 */
export async function settleMarketPage(
  ctx: CoreContext,
  marketId: string,
  pageSize = 100,
  concurrency = 8,
): Promise<SettlePageResult> {
  const service = serviceFor(ctx.db);
  const { resolution } = await getResolvedMarket(ctx, marketId);
  const { data: bets } = await service.entities.bet.query
    .pendingByMarket({ marketId, status: "pending" })
    .go({ count: pageSize, pages: "all" });

  const outcomes: Record<SettleOutcome, number> = {
    won: 0,
    lost: 0,
    cancelled: 0,
    "already settled": 0,
  };
  // The page's users in one strongly consistent BatchGetItem, instead of one read per credit.
  const credited = bets.filter((bet) => resolution === "invalid" || bet.side === resolution);
  const userIds = [...new Set(credited.map((bet) => bet.userId))];
  const knownUsers = new Map<string, UserItem>();
  if (userIds.length > 0) {
    const { data: users } = await service.entities.user
      .get(userIds.map((userId) => ({ userId })))
      .go({ consistent: true });
    for (const user of users) knownUsers.set(user.userId, user);
  }
  let next = 0;
  const worker = async () => {
    while (next < bets.length) {
      const bet = bets[next++] as BetItem;
      const outcome = await settleBet(ctx, bet, resolution, knownUsers);
      outcomes[outcome] += 1;
      await afterBetSettled(ctx, bet.userId, outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, bets.length) }, worker));
  if (bets.length > 0) {
    await recordSettledPage(ctx, marketId, bets.length - outcomes["already settled"]);
  }
  return { marketId, settled: bets.length, outcomes, more: bets.length === pageSize };
}

/** Marks a market's settlement finished (the workflow's last step). */
export async function finishSettlement(ctx: CoreContext, marketId: string): Promise<void> {
  const now = ctx.clock().toISOString();
  await serviceFor(ctx.db)
    .entities.market.patch({ marketId })
    .set({ settlement: "done", settlementFinishedAt: now, updatedAt: now })
    .go();
}
