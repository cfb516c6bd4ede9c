import type { CoreContext } from "../context";
import type { Board } from "../entities/leaderboard";
import { serviceFor } from "../service";
import { periodKeyAt } from "./periods";
import { dirtyShardOf } from "./stats";

/** A user's row on an all-time board, as the board shows it. */
export interface BoardRow {
  rank: number;
  overallPnL: number;
  totalVolume: number;
}

/**
 * Where a user stands on the all-time boards, with the very figures the boards
 * show (their last ranking run), so a profile can read the same as the board.
 */
export interface BoardStanding {
  /** When the ranking job last rebuilt either all-time board; null before any run. */
  updatedAt: string | null;
  /** The user bet or was settled since their last ranking: the next run moves them. */
  pending: boolean;
  /** The user's row on each board; null when not on its snapshot (or not ranked yet). */
  pnl: BoardRow | null;
  volume: BoardRow | null;
}

const boards: Board[] = ["pnl", "volume"];

/**
 * A user's standing on the all-time boards: the two heads and the user's two
 * positions (a BatchGetItem each) and their ranking marker, at once, then the
 * rows at those positions (one BatchGetItem): 4 requests, 2 round trips.
 */
export async function boardStanding(ctx: CoreContext, userId: string): Promise<BoardStanding> {
  const { entities } = serviceFor(ctx.db);
  const periodKey = periodKeyAt("all", ctx.clock());
  const inOrder = { preserveBatchOrder: true } as const;
  const [heads, positions, marker] = await Promise.all([
    entities.leaderboardHead.get(boards.map((board) => ({ board, periodKey }))).go(inOrder),
    entities.leaderboardPosition
      .get(boards.map((board) => ({ board, periodKey, userId })))
      .go(inOrder),
    entities.rankDirty.get({ shard: dirtyShardOf(userId), userId }).go(),
  ]);
  const wanted = boards.flatMap((board, index) => {
    const position = positions.data[index]?.position;
    return position === undefined ? [] : [{ board, periodKey, position }];
  });
  const found = wanted.length ? (await entities.leaderboardRow.get(wanted).go()).data : [];
  const rows = boards.map((board) => {
    const row = found.find((item) => item.board === board);
    // A row moved to someone else between the two reads: the next read is right.
    if (!row || row.userId !== userId) return null;
    return { rank: row.rank, overallPnL: row.pnl, totalVolume: row.volume };
  });
  const times = heads.data.flatMap((head) => (head?.rankedAt ? [head.rankedAt] : []));
  return {
    updatedAt: times.sort().at(-1) ?? null,
    pending: marker.data !== null,
    pnl: rows[0] ?? null,
    volume: rows[1] ?? null,
  };
}
