import type { CallerCheck } from "../accounts/token-state";
import type { CoreContext } from "../context";
import type { DailyRewardItem } from "../entities/daily-reward";
import type { UserItem } from "../entities/user";
import { UserNotFound } from "../errors";
import { type LedgerPosting, postingAt, postLedgerEntry } from "../ledger/post";
import { limitsOf } from "../limits";
import { enforce, inCurrentWindow } from "../rate-limit";
import { serviceFor } from "../service";
import { DailyRewardClaimed } from "./errors";
import { nextClaimAt, streakAfter } from "./rules";

export interface ClaimedReward {
  reward: DailyRewardItem;
  newBalance: number;
  nextClaimAvailable: string;
}

export interface ClaimOptions {
  /** Judges the caller by the user the claim reads, before anything is written. */
  checkCaller?: CallerCheck | undefined;
}

/**
 * Grants `DAILY_REWARD` once per rolling 24 h. One consistent read of the user,
 * then one ledger transaction of three items: the user (balance, sequence,
 * `lastDailyRewardAt`, streak and claim count), the `daily_reward` entry and
 * the `DailyReward` record. Concurrent claims read the same sequence number, so
 * one commits; the others find `lastDailyRewardAt` moved when they read again
 * and answer `DailyRewardClaimed`.
 *
 * The per-minute limit (`DAILY_REWARD_PER_USER_PER_MINUTE`) counts refused
 * claims in a window item, and a granted claim by its `lastDailyRewardAt` on
 * the user: a claim that can be granted costs no limit write, and there is at
 * most one a day.
 */
export async function claimDailyReward(
  ctx: CoreContext,
  userId: string,
  options: ClaimOptions = {},
): Promise<ClaimedReward> {
  const { data: user } = await serviceFor(ctx.db)
    .entities.user.get({ userId })
    .go({ consistent: true });
  options.checkCaller?.(user ?? null);
  if (!user) throw new UserNotFound(userId);
  const now = ctx.clock();
  const previous = user.lastDailyRewardAt ? new Date(user.lastDailyRewardAt) : null;
  if (previous && nextClaimAt(previous) > now) await refuse(ctx, userId, previous);

  const streak = streakAfter(previous, user.currentStreak ?? 0, now);
  const reward: DailyRewardItem = {
    userId,
    rewardId: ctx.newId(),
    creditsAwarded: ctx.config.DAILY_REWARD,
    claimedAt: now.toISOString(),
    streak,
  };
  let posting: LedgerPosting;
  try {
    posting = await postLedgerEntry(ctx, {
      userId,
      amount: reward.creditsAwarded,
      type: "daily_reward",
      reason: "Daily reward",
      referenceId: reward.rewardId,
      // The record's create, under a fresh id, is what a retried attempt finds taken.
      replayGuard: { write: "reward", find: () => firstAttempt(ctx, reward) },
      knownUser: user,
      userFields: (current) => {
        if (current.lastDailyRewardAt !== user.lastDailyRewardAt) throw new ClaimMoved(current);
        return {
          lastDailyRewardAt: reward.claimedAt,
          currentStreak: streak,
          longestStreak: Math.max(streak, current.longestStreak ?? 0),
          rewardCount: (current.rewardCount ?? 0) + 1,
        };
      },
      alsoWrite: (entities, entry) => ({
        reward: entities.dailyReward.create({ ...reward, ledgerSeq: entry.seq }).commit(),
      }),
    });
  } catch (error) {
    if (!(error instanceof ClaimMoved)) throw error;
    // Moved by this claim's own first attempt (an ambiguous failure), or by another claim.
    const first = await firstAttempt(ctx, reward);
    if (!first) throw claimedAfter(error.user.lastDailyRewardAt);
    posting = first;
  }
  return {
    reward: { ...reward, ledgerSeq: posting.seq },
    newBalance: posting.balanceAfter,
    nextClaimAvailable: nextClaimAt(now).toISOString(),
  };
}

/**
 * A claim before the next one opens: counted against the per-minute limit
 * (the granted claim counts too when it fell in this window), then refused
 * with `DailyRewardClaimed`, or `RateLimitExceeded` once the window is full.
 */
async function refuse(ctx: CoreContext, userId: string, previous: Date): Promise<never> {
  const rule = limitsOf(ctx.config).rateLimits.dailyReward;
  await enforce(ctx, rule, `user:${userId}`, {
    countedElsewhere: inCurrentWindow(ctx, rule, previous) ? 1 : 0,
  });
  throw claimedAfter(previous.toISOString());
}

function claimedAfter(lastClaimedAt: string | undefined): DailyRewardClaimed {
  const last = lastClaimedAt ? new Date(lastClaimedAt) : new Date();
  return new DailyRewardClaimed(nextClaimAt(last).toISOString());
}

/** The user's last claim changed since this claim read it. */
class ClaimMoved extends Error {
  constructor(readonly user: UserItem) {
    super("the last daily claim changed since it was read");
  }
}

/** The posting of this claim's first attempt, when its record was created; else null. */
async function firstAttempt(
  ctx: CoreContext,
  reward: DailyRewardItem,
): Promise<LedgerPosting | null> {
  const { data: record } = await serviceFor(ctx.db)
    .entities.dailyReward.get({
      userId: reward.userId,
      claimedAt: reward.claimedAt,
      rewardId: reward.rewardId,
    })
    .go({ consistent: true });
  return record?.ledgerSeq === undefined ? null : postingAt(ctx, reward.userId, record.ledgerSeq);
}
