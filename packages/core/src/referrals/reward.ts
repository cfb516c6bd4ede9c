import type { CoreContext } from "../context";
import type { UserItem } from "../entities/user";
import { RateLimitExceeded } from "../errors";
import { postLedgerEntry } from "../ledger/post";
import { serviceFor } from "../service";

/** The referral's outcome once settled, or why nothing happened now. */
export type ReferralReward = "paid" | "referrer at its monthly maximum" | "nothing to pay";

/**
 * Pays a referral once the referred user's first bet has settled: the referrer
 * and the new user each get `REFERRAL_BONUS` (not at sign-up, so registering
 * accounts earns nothing by itself). Exactly once per referred user: both
 * entries have keys named after them, and the new user's entry marks the
 * referral settled. At most `REFERRAL_MAX_PER_MONTH` per referrer and UTC
 * month, counted on the referrer's item in its own ledger update; past it
 * neither is paid.
 */
export async function rewardReferral(ctx: CoreContext, userId: string): Promise<ReferralReward> {
  const bonus = ctx.config.REFERRAL_BONUS;
  const { data: user } = await serviceFor(ctx.db)
    .entities.user.get({ userId })
    .go({ consistent: true, attributes: ["referredBy", "referralSettledAt"] });
  if (!user?.referredBy || user.referralSettledAt || bonus <= 0) return "nothing to pay";
  const referrerId = user.referredBy;
  const settledAt = ctx.clock().toISOString();
  try {
    await postLedgerEntry(ctx, {
      userId: referrerId,
      amount: bonus,
      type: "referral_bonus",
      reason: "Referral bonus: a friend you invited settled a first bet",
      referenceId: userId,
      idempotencyKey: `referral_bonus#${userId}#referrer`,
      upToCap: true,
      userFields: (referrer) => ({
        rateWindows: { ...referrer.rateWindows, referrals: monthHit(ctx, referrer) },
        referralCreditsEarned: (referrer.referralCreditsEarned ?? 0) + bonus,
      }),
    });
  } catch (error) {
    if (!(error instanceof RateLimitExceeded)) throw error;
    await serviceFor(ctx.db)
      .entities.user.patch({ userId })
      .set({ referralSettledAt: settledAt })
      .go();
    return "referrer at its monthly maximum";
  }
  await postLedgerEntry(ctx, {
    userId,
    amount: bonus,
    type: "referral_bonus",
    reason: "Referral bonus: welcome, and thanks for your first bet",
    referenceId: referrerId,
    idempotencyKey: `referral_bonus#${userId}#referee`,
    upToCap: true,
    userFields: { referralSettledAt: settledAt },
  });
  return "paid";
}

/** One more bonus in the referrer's UTC month, refused past `REFERRAL_MAX_PER_MONTH`. */
function monthHit(ctx: CoreContext, referrer: UserItem) {
  const now = ctx.clock();
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1) / 1000;
  const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1) / 1000;
  const held = referrer.rateWindows?.referrals;
  const count = held?.start === start ? (held.count ?? 0) : 0;
  const limit = ctx.config.REFERRAL_MAX_PER_MONTH;
  if (count >= limit) {
    throw new RateLimitExceeded(
      { name: "referrals", limit, windowSeconds: end - start },
      Math.max(1, Math.ceil(end - now.getTime() / 1000)),
    );
  }
  return { start, count: count + 1 };
}
