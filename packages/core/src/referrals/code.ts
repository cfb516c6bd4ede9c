import { cancellationReasons, conditionFailed, TransactionCancelled } from "../conditions";
import type { CoreContext } from "../context";
import { UserNotFound, ValidationFailed } from "../errors";
import { serviceFor } from "../service";

export interface Referral {
  code: string;
  /** The registration link carrying the code. */
  link: string;
  /** Users who registered with the code. */
  referred: number;
  /** Referral bonuses this user earned as the referrer. */
  creditsEarned: number;
}

const maxCodeAttempts = 5;

/**
 * The user's referral code, link and results. The code is made on first ask
 * (a code nobody asked for could not have been shared) in one transaction with
 * its `ReferralCode` item, so it is unique and the user's for good.
 */
export async function referralOf(ctx: CoreContext, userId: string): Promise<Referral> {
  const service = serviceFor(ctx.db);
  for (let attempt = 1; ; attempt++) {
    const { data: user } = await service.entities.user.get({ userId }).go({ consistent: true });
    if (!user) throw new UserNotFound(userId);
    const view = (code: string) => ({
      code,
      link: `${ctx.config.PUBLIC_URL.replace(/\/+$/, "")}/register?ref=${code}`,
      referred: user.referredCount ?? 0,
      creditsEarned: user.referralCreditsEarned ?? 0,
    });
    if (user.referralCode) return view(user.referralCode);
    const code = newCode(ctx);
    const result = await service.transaction
      .write(({ referralCode, user: users }) => [
        referralCode.create({ code, userId, createdAt: ctx.clock().toISOString() }).commit(),
        users
          .patch({ userId })
          .set({ referralCode: code })
          .where(({ referralCode: held }, { notExists }) => notExists(held))
          .commit(),
      ])
      .go();
    if (!result.canceled) return view(code);
    const reasons = cancellationReasons(result);
    // Taken code: draw again. The user got one meanwhile: read it.
    const retryable = reasons.some((reason) => reason.code === conditionFailed);
    if (!retryable || attempt >= maxCodeAttempts) {
      throw new TransactionCancelled("Referral code", reasons);
    }
  }
}

/** Eight lower-case letters and digits from the id generator's random part. */
function newCode(ctx: CoreContext): string {
  return ctx.newId().slice(-8).toLowerCase();
}

/** The user a referral code belongs to; a code nobody holds is a 400 naming `referralCode`. */
export async function referrerOf(ctx: CoreContext, code: string): Promise<string> {
  const { data } = await serviceFor(ctx.db)
    .entities.referralCode.get({ code: code.trim().toLowerCase() })
    .go();
  if (!data) {
    throw new ValidationFailed("Unknown referral code", {
      referralCode: "is not a referral code",
    });
  }
  return data.userId;
}
