import type { CoreContext } from "../context";
import { rewardReferral } from "../referrals/reward";
import { serviceFor } from "../service";

/** Users one BatchGetItem reads. */
const readBatch = 100;

/**
 * What follows a settlement page, outside its transactions: a won or lost bet
 * is its user's settled bet, which pays their referral if one waits
 * (`referrals/reward.ts`). Which users have one waiting is one BatchGetItem
 * per 100 users (two small attributes each), so a page of 1,000 bets stays a
 * few requests; only those users are paid, each idempotently, so a replayed
 * settlement pays nothing twice.
 */
export async function afterBetsSettled(ctx: CoreContext, userIds: string[]): Promise<void> {
  if (ctx.config.REFERRAL_BONUS <= 0) return;
  const unique = [...new Set(userIds)];
  const users = serviceFor(ctx.db).entities.user;
  for (let start = 0; start < unique.length; start += readBatch) {
    const keys = unique.slice(start, start + readBatch).map((userId) => ({ userId }));
    const { data } = await users
      .get(keys)
      .go({ consistent: true, attributes: ["userId", "referredBy", "referralSettledAt"] });
    for (const user of data) {
      if (user.referredBy && !user.referralSettledAt) await rewardReferral(ctx, user.userId);
    }
  }
}
