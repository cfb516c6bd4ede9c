import type { CoreContext } from "../context";
import type { DailyRewardItem } from "../entities/daily-reward";
import { ValidationFailed } from "../errors";
import { readPage, serviceFor } from "../service";

export const maxRewardPage = 100;
/** Offsets past this are refused: a deep page should follow `nextCursor`. */
export const maxRewardOffset = 10_000;

export interface RewardHistoryOptions {
  limit?: number | undefined;
  offset?: number | undefined;
  cursor?: string | undefined;
}

export interface RewardHistoryPage {
  rewards: DailyRewardItem[];
  /** Every claim of the user: the counter kept by the claim transaction. */
  total: number;
  limit: number;
  offset: number;
  nextCursor: string | null;
}

/**
 * The user's claims, newest first. Two requests in parallel: the user (for the
 * claim counter) and one Query whose `Limit` is the page (`offset + limit` when
 * an offset is asked for, which the bound keeps small).
 */
export async function rewardHistory(
  ctx: CoreContext,
  userId: string,
  options: RewardHistoryOptions = {},
): Promise<RewardHistoryPage> {
  const limit = options.limit ?? 20;
  const offset = options.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > maxRewardPage) {
    throw new ValidationFailed("Invalid limit", { limit: `must be 1 to ${maxRewardPage}` });
  }
  if (!Number.isInteger(offset) || offset < 0 || offset > maxRewardOffset) {
    throw new ValidationFailed("Invalid offset", { offset: `must be 0 to ${maxRewardOffset}` });
  }
  if (options.cursor && offset > 0) {
    throw new ValidationFailed("Use cursor or offset, not both", {
      cursor: "cannot be combined with offset",
    });
  }
  const service = serviceFor(ctx.db);
  const [user, page] = await Promise.all([
    service.entities.user.get({ userId }).go({ attributes: ["rewardCount"] }),
    readPage(() =>
      service.entities.dailyReward.query
        .byUser({ userId })
        .go({ order: "desc", limit: offset + limit, cursor: options.cursor ?? null }),
    ),
  ]);
  return {
    rewards: page.data.slice(offset),
    total: user.data?.rewardCount ?? 0,
    limit,
    offset,
    nextCursor: page.cursor,
  };
}
