import type { CoreContext } from "../context";
import type { DailyRewardItem } from "../entities/daily-reward";
import { UserNotFound } from "../errors";
import { ExtraWriteRejected } from "../ledger/errors";
import { postLedgerEntry } from "../ledger/post";
import { limitsOf } from "../limits";
import { enforce, rateLimitExceeded, rateLimitTransactionItem } from "../rate-limit";
import { serviceFor } from "../service";
import { DailyRewardClaimed } from "./errors";
import { nextClaimAt, streakAfter } from "./rules";

export interface ClaimedReward {
  reward: DailyRewardItem;
  newBalance: number;
  nextClaimAvailable: string;
}

/**
 * Grants `DAILY_REWARD` once per rolling 24 h. One read of the user, then one
 * ledger transaction: the `daily_reward` entry, the balance, `lastDailyRewardAt`,
 * the streak and claim count on the user, the `DailyReward` record and the
 * user's claim-rate window. The ledger key names the claim it follows
 * (`daily_reward#<user>#<previous claim>`), so concurrent claims made from the
 * same state commit once and the others answer `DailyRewardClaimed`.
 */
export async function claimDailyReward(ctx: CoreContext, userId: string): Promise<ClaimedReward> {
  const rule = limitsOf(ctx.config).rateLimits.dailyReward;
  const subject = `user:${userId}`;
  const { data: user } = await serviceFor(ctx.db)
    .entities.user.get({ userId })
    .go({ consistent: true });
  if (!user) throw new UserNotFound(userId);
  const now = ctx.clock();
  const previous = user.lastDailyRewardAt ? new Date(user.lastDailyRewardAt) : null;
  if (previous && nextClaimAt(previous) > now) {
    // A refused claim still counts against the limit: one conditional update.
    await enforce(ctx, rule, subject);
    throw new DailyRewardClaimed(nextClaimAt(previous).toISOString());
  }

  const streak = streakAfter(previous, user.currentStreak ?? 0, now);
  const reward: DailyRewardItem = {
    userId,
    rewardId: ctx.newId(),
    creditsAwarded: ctx.config.DAILY_REWARD,
    claimedAt: now.toISOString(),
    streak,
  };
  try {
    const posting = await postLedgerEntry(ctx, {
      userId,
      amount: reward.creditsAwarded,
      type: "daily_reward",
      reason: "Daily reward",
      referenceId: reward.rewardId,
      idempotencyKey: `daily_reward#${userId}#${user.lastDailyRewardAt ?? "first"}`,
      knownUser: user,
      userFields: {
        lastDailyRewardAt: reward.claimedAt,
        currentStreak: streak,
        longestStreak: Math.max(streak, user.longestStreak ?? 0),
        rewardCount: (user.rewardCount ?? 0) + 1,
      },
      alsoWrite: (entities) => ({
        reward: entities.dailyReward.create(reward).commit(),
        claimWindow: rateLimitTransactionItem(entities, ctx, rule, subject),
      }),
    });
    if (posting.replayed) {
      // Another claim from the same state won the race: this one is the duplicate.
      throw new DailyRewardClaimed(nextClaimAt(new Date(posting.createdAt)).toISOString());
    }
    return {
      reward,
      newBalance: posting.balanceAfter,
      nextClaimAvailable: nextClaimAt(now).toISOString(),
    };
  } catch (error) {
    if (error instanceof ExtraWriteRejected && error.write === "claimWindow") {
      throw rateLimitExceeded(ctx, rule);
    }
    throw error;
  }
}
