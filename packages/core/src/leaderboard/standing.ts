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
 * A user's standing on the all-time boards: the two heads, the user's two
 * positions and their ranking marker by key (5 GetItems at once), then the row
 * at each position (at most 2 more).
 */
export async function boardStanding(ctx: CoreContext, userId: string): Promise<BoardStanding> {
  const { entities } = serviceFor(ctx.db);
  const periodKey = periodKeyAt("all", ctx.clock());
  const [heads, positions, marker] = await Promise.all([
    Promise.all(boards.map((board) => entities.leaderboardHead.get({ board, periodKey }).go())),
    Promise.all(
      boards.map((board) => entities.leaderboardPosition.get({ board, periodKey, userId }).go()),
    ),
    entities.rankDirty.get({ shard: dirtyShardOf(userId), userId }).go(),
  ]);
  const rows = await Promise.all(
    boards.map(async (board, index) => {
      const position = positions[index]?.data?.position;
      if (position === undefined) return null;
      const { data } = await entities.leaderboardRow.get({ board, periodKey, position }).go();
      // A row moved to someone else between the two reads: the next read is right.
      if (!data || data.userId !== userId) return null;
      return { rank: data.rank, overallPnL: data.pnl, totalVolume: data.volume };
    }),
  );
  const times = heads.flatMap((head) => (head.data?.rankedAt ? [head.data.rankedAt] : []));
  return {
    updatedAt: times.sort().at(-1) ?? null,
    pending: marker.data !== null,
    pnl: rows[0] ?? null,
    volume: rows[1] ?? null,
  };
}
