import type { CoreContext } from "../context";
import type { Board, LeaderboardRowItem } from "../entities/leaderboard";
import { maxListOffset, pageSizes } from "../limits";
import { pageStart, scopeOf, sealCursor } from "../paging";
import { serviceFor } from "../service";
import { AroundMeNeedsUser } from "./errors";
import { type Period, periodKeyAt } from "./periods";

export interface LeaderboardQuery {
  board: Board;
  period?: Period | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
  cursor?: string | undefined;
  /** `?around=me`: the page holding the caller (the offset is chosen for it). */
  around?: boolean | undefined;
  /** The signed-in caller, if any. */
  callerId?: string | undefined;
}

export interface LeaderboardPage {
  rows: LeaderboardRowItem[];
  /** Users on this board for this period (the head's counter, kept by the ranking job). */
  total: number;
  limit: number;
  offset: number;
  nextCursor: string | null;
  /** When the ranking job last rebuilt this board; null before any run. */
  updatedAt: string | null;
}

/**
 * One page of a board's snapshot. At most two DynamoDB requests: the head
 * (GetItem, or with `around` a TransactGetItems of the head and the caller's
 * position) and one Query on the position range, whose `Limit` is the page.
 */
export async function readLeaderboard(
  ctx: CoreContext,
  query: LeaderboardQuery,
): Promise<LeaderboardPage> {
  if (query.around && !query.callerId) throw new AroundMeNeedsUser();
  const board = query.board;
  const period = query.period ?? "all";
  const scope = scopeOf("leaderboard", null, { board, period });
  const start = pageStart(ctx, query, scope, pageSizes.leaderboard);
  const limit = start.limit;
  let offset = start.position;
  const periodKey = periodKeyAt(period, ctx.clock());
  const service = serviceFor(ctx.db);
  const readRows = (from: number) =>
    service.entities.leaderboardRow.query
      .byPosition({ board, periodKey })
      .between({ position: from + 1 }, { position: from + limit })
      .go({ limit });

  let total: number;
  let rankedAt: string | undefined;
  let rows: LeaderboardRowItem[];
  const callerId = query.around ? query.callerId : undefined;
  if (callerId) {
    const found = await service.transaction
      .get(({ leaderboardHead, leaderboardPosition }) => [
        leaderboardHead.get({ board, periodKey }).commit(),
        leaderboardPosition.get({ board, periodKey, userId: callerId }).commit(),
      ])
      .go();
    const [head, position] = found.data;
    total = head?.item?.total ?? 0;
    rankedAt = head?.item?.rankedAt;
    const mine = position?.item?.position;
    offset = mine ? Math.floor((mine - 1) / limit) * limit : 0;
    rows = (await readRows(offset)).data;
  } else {
    const [head, page] = await Promise.all([
      service.entities.leaderboardHead.get({ board, periodKey }).go(),
      readRows(offset),
    ]);
    total = head.data?.total ?? 0;
    rankedAt = head.data?.rankedAt;
    rows = page.data;
  }
  const next = offset + limit;
  return {
    rows,
    total,
    limit,
    offset,
    // Cursors of this list hold only the next position (the snapshot is keyed by it).
    nextCursor:
      next < total && next <= maxListOffset
        ? sealCursor(ctx.cursorKeys, scope, { position: next })
        : null,
    updatedAt: rankedAt ?? null,
  };
}

/** A leaderboard row as the API shows it (`GET /leaderboard/pnl`, `/volume`). */
export function toLeaderboardRowView(row: LeaderboardRowItem) {
  return {
    rank: row.rank,
    user: { id: row.userId, username: row.username },
    overallPnL: row.pnl,
    totalVolume: row.volume,
  };
}
