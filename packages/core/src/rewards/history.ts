import type { CoreContext } from "../context";
import type { DailyRewardItem } from "../entities/daily-reward";
import { pageSizes } from "../limits";
import { listPage, type Page, type PageRequest, scopeOf, sourceOf } from "../paging";
import { serviceFor } from "../service";

/**
 * The user's claims, newest first: one Query with a `Limit` of the page, and
 * `total` from the claim counter the claim transaction keeps on the user (read
 * beside it).
 */
export async function rewardHistory(
  ctx: CoreContext,
  userId: string,
  request: PageRequest = {},
): Promise<Page<DailyRewardItem>> {
  const service = serviceFor(ctx.db);
  const rewards = service.entities.dailyReward;
  return listPage(ctx, request, {
    scope: scopeOf("rewards", userId),
    size: pageSizes.rewards,
    query: sourceOf(rewards.query.byUser({ userId }), rewards, "desc"),
    total: async () => {
      const { data } = await service.entities.user
        .get({ userId })
        .go({ attributes: ["rewardCount"] });
      return data?.rewardCount ?? 0;
    },
  });
}

/** A claim as the API shows it (`POST /rewards/daily`, `GET /rewards/history`). */
export function toRewardView(reward: DailyRewardItem) {
  return {
    id: reward.rewardId,
    creditsAwarded: reward.creditsAwarded,
    claimedAt: reward.claimedAt,
    streak: reward.streak,
  };
}
