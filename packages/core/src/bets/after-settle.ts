import type { CoreContext } from "../context";
import { rewardReferral } from "../referrals/reward";
import type { SettleOutcome } from "./settle";

/**
 * What follows a bet's settlement, outside its transaction: a won or lost bet
 * is its user's settled bet, which pays their referral if one waits
 * (`referrals/reward.ts`; a no-op after the first). Idempotent, so a replayed
 * settlement that runs it again pays nothing twice.
 */
export async function afterBetSettled(
  ctx: CoreContext,
  userId: string,
  outcome: SettleOutcome,
): Promise<void> {
  if (outcome !== "won" && outcome !== "lost") return;
  await rewardReferral(ctx, userId);
}
