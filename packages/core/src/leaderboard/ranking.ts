import { ignoreConditionFailed } from "../conditions";
import type { CoreContext } from "../context";
import type { Board, LeaderboardEntryItem, LeaderboardRowItem } from "../entities/leaderboard";
import type { RankDirtyItem } from "../entities/rank-dirty";
import type { UserStatItem } from "../entities/user-stat";
import { serviceFor } from "../service";
import { withLease } from "./lease";
import { type PeriodSlot, slotsAt } from "./periods";
import { boardSortKey, bucketOf, scoreOf, scorePrefix } from "./scores";
import { dirtyShards } from "./stats";

const boards: Board[] = ["pnl", "volume"];
/** Parallel single-item writes of a run. */
const concurrency = 16;

export interface RankingReport {
  /** Users whose numbers changed since the last run. */
  changedUsers: number;
  /** Boards (board × period) whose snapshot was rebuilt. */
  boardsRebuilt: number;
  /** Items written or deleted (entries, rows, positions, heads, stats, ranks, markers). */
  writes: number;
  /** Users whose all-time rank was written. */
  ranksWritten: number;
  /** True when another run held the lease throughout; its markers wait for the next run. */
  skipped?: boolean;
}

/**
 * The ranking job (docs/ranking.md). It starts from the users marked dirty by
 * bets and settlements, moves their entries on every board of the current
 * periods, rebuilds only the boards they touched (snapshot rows, positions,
 * head), writes the all-time ranks that changed, then clears the markers it
 * saw. Nothing marked: nothing read beyond the markers, nothing written
 * (but the run's lease). One run at a time (`withLease`).
 */
export async function runRanking(ctx: CoreContext): Promise<RankingReport> {
  const nothing = { changedUsers: 0, boardsRebuilt: 0, writes: 0, ranksWritten: 0 };
  // A quiet run reads the markers and stops: no lease, no write.
  if ((await readMarkers(ctx)).length === 0) return nothing;
  const report = await withLease(ctx, "ranking", async () =>
    rankChanged(ctx, await readMarkers(ctx)),
  );
  return report ?? { ...nothing, skipped: true };
}

async function readMarkers(ctx: CoreContext): Promise<RankDirtyItem[]> {
  const pages = await Promise.all(
    Array.from({ length: dirtyShards }, (_, shard) =>
      serviceFor(ctx.db).entities.rankDirty.query.byShard({ shard }).go({ pages: "all" }),
    ),
  );
  return pages.flatMap((page) => page.data);
}

async function rankChanged(ctx: CoreContext, markers: RankDirtyItem[]): Promise<RankingReport> {
  const service = serviceFor(ctx.db);
  const report: RankingReport = { changedUsers: 0, boardsRebuilt: 0, writes: 0, ranksWritten: 0 };
  if (markers.length === 0) return report;
  report.changedUsers = markers.length;

  const slots = slotsAt(ctx.clock());
  const userIds = markers.map((marker) => marker.userId);
  const [users, stats] = await Promise.all([
    service.entities.user
      .get(userIds.map((userId) => ({ userId })))
      .go({ attributes: ["userId", "username"] }),
    service.entities.userStat
      .get(userIds.flatMap((userId) => slots.map(({ periodKey }) => ({ userId, periodKey }))))
      .go(),
  ]);
  const usernames = new Map(users.data.map((user) => [user.userId, user.username ?? ""]));

  // 1. Move the changed users' entries.
  const touched = new Map<string, { board: Board; slot: PeriodSlot; added: number }>();
  // Entries moved between score buckets of the all-time boards, for the histograms.
  const bucketMoves: Record<Board, Map<string, number>> = { pnl: new Map(), volume: new Map() };
  const bump = (board: Board, bucket: string, by: number) =>
    bucketMoves[board].set(bucket, (bucketMoves[board].get(bucket) ?? 0) + by);
  const entryPuts: LeaderboardEntryItem[] = [];
  const entryDeletes: { board: Board; periodKey: string; sortKey: string }[] = [];
  const statUpdates: {
    stat: UserStatItem;
    keys: Partial<Record<"pnlKey" | "volumeKey", string>>;
  }[] = [];
  for (const stat of stats.data) {
    const slot = slots.find((candidate) => candidate.periodKey === stat.periodKey) as PeriodSlot;
    const username = usernames.get(stat.userId) ?? "";
    const keys: Partial<Record<"pnlKey" | "volumeKey", string>> = {};
    for (const board of boards) {
      const member = board === "pnl" ? (stat.settled ?? 0) > 0 : (stat.placed ?? 0) > 0;
      if (!member) continue;
      const numbers = { pnl: stat.pnl ?? 0, volume: stat.volume ?? 0 };
      const sortKey = boardSortKey(scoreOf(board, numbers), username, stat.userId);
      const field = board === "pnl" ? "pnlKey" : "volumeKey";
      const previous = stat[field];
      const id = `${board}|${stat.periodKey}`;
      const entry = touched.get(id) ?? { board, slot, added: 0 };
      touched.set(id, entry);
      if (previous !== sortKey) {
        if (previous) entryDeletes.push({ board, periodKey: stat.periodKey, sortKey: previous });
        else entry.added += 1;
        keys[field] = sortKey;
        if (slot.period === "all") {
          if (previous) bump(board, bucketOf(previous), -1);
          bump(board, bucketOf(sortKey), 1);
        }
      }
      entryPuts.push({
        board,
        periodKey: stat.periodKey,
        sortKey,
        userId: stat.userId,
        username,
        ...numbers,
        ...(slot.ttl ? { ttl: slot.ttl } : {}),
      });
    }
    if (Object.keys(keys).length > 0) statUpdates.push({ stat, keys });
  }
  if (entryDeletes.length) await service.entities.leaderboardEntry.delete(entryDeletes).go();
  if (entryPuts.length) await service.entities.leaderboardEntry.put(entryPuts).go();
  await eachLimited(statUpdates, ({ stat, keys }) =>
    service.entities.userStat
      .patch({ userId: stat.userId, periodKey: stat.periodKey })
      .set(keys)
      .go(),
  );
  report.writes += entryDeletes.length + entryPuts.length + statUpdates.length;

  // 2. Rebuild the boards they touched.
  const changed = new Set(userIds);
  for (const { board, slot, added } of touched.values()) {
    const writes = await rebuildBoard(ctx, board, slot, added, changed, bucketMoves[board]);
    report.boardsRebuilt += 1;
    report.writes += writes.writes;
    report.ranksWritten += writes.ranks;
  }

  // 3. Clear the markers seen; one re-marked meanwhile stays for the next run.
  await eachLimited(markers, (marker) => clearMarker(ctx, marker));
  report.writes += markers.length;
  return report;
}

async function rebuildBoard(
  ctx: CoreContext,
  board: Board,
  slot: PeriodSlot,
  added: number,
  changedUsers: Set<string>,
  bucketMoves: Map<string, number>,
): Promise<{ writes: number; ranks: number }> {
  const service = serviceFor(ctx.db);
  const { periodKey, ttl } = slot;
  const depth = ctx.config.LEADERBOARD_SNAPSHOT_SIZE;
  const [entries, oldRows, head] = await Promise.all([
    service.entities.leaderboardEntry.query
      .byScore({ board, periodKey })
      .go({ count: depth, pages: "all" }),
    service.entities.leaderboardRow.query.byPosition({ board, periodKey }).go({ pages: "all" }),
    service.entities.leaderboardHead.get({ board, periodKey }).go({ consistent: true }),
  ]);

  const rows: LeaderboardRowItem[] = [];
  let rank = 0;
  let previousScore: number | undefined;
  for (const [index, entry] of entries.data.entries()) {
    const score = scoreOf(board, entry);
    if (score !== previousScore) rank = index + 1;
    previousScore = score;
    rows.push({
      board,
      periodKey,
      position: index + 1,
      rank,
      userId: entry.userId,
      username: entry.username,
      pnl: entry.pnl,
      volume: entry.volume,
      ...(ttl ? { ttl } : {}),
    });
  }

  const before = new Map(oldRows.data.map((row) => [row.position, row]));
  const rowPuts = rows.filter((row) => !sameRow(before.get(row.position), row));
  const rowDeletes = oldRows.data
    .filter((row) => row.position > rows.length)
    .map((row) => ({ board, periodKey, position: row.position }));
  const oldByUser = new Map(oldRows.data.map((row) => [row.userId, row]));
  const newByUser = new Map(rows.map((row) => [row.userId, row]));
  const positionPuts = rows
    .filter((row) => oldByUser.get(row.userId)?.position !== row.position)
    .map((row) => ({
      board,
      periodKey,
      userId: row.userId,
      position: row.position,
      ...(ttl ? { ttl } : {}),
    }));
  const positionDeletes = oldRows.data
    .filter((row) => !newByUser.has(row.userId))
    .map((row) => ({ board, periodKey, userId: row.userId }));
  if (rowDeletes.length) await service.entities.leaderboardRow.delete(rowDeletes).go();
  if (rowPuts.length) await service.entities.leaderboardRow.put(rowPuts).go();
  if (positionDeletes.length) {
    await service.entities.leaderboardPosition.delete(positionDeletes).go();
  }
  if (positionPuts.length) await service.entities.leaderboardPosition.put(positionPuts).go();

  const total = (head.data?.total ?? 0) + added;
  let writes = rowPuts.length + rowDeletes.length + positionPuts.length + positionDeletes.length;
  // Written on every rebuild, changed or not: `rankedAt` tells readers how
  // fresh the board is (a board is only rebuilt when a user on it changed).
  await service.entities.leaderboardHead
    .put({
      board,
      periodKey,
      total,
      rows: rows.length,
      rankedAt: ctx.clock().toISOString(),
      ...(ttl ? { ttl } : {}),
    })
    .go();
  writes += 1;

  let ranks = 0;
  if (slot.period === "all") {
    const field = board === "pnl" ? "rankByPnL" : "rankByVolume";
    const updates = new Map<string, number>();
    for (const row of rows) {
      const old = oldByUser.get(row.userId);
      if (old?.rank !== row.rank || (!old && changedUsers.has(row.userId))) {
        updates.set(row.userId, row.rank);
      }
    }
    // Below the snapshot: the changed users and those who fell out of it, from the histogram.
    const histogram = await updateHistogram(ctx, board, bucketMoves);
    writes += histogram.writes;
    const below = [...changedUsers, ...oldByUser.keys()].filter(
      (userId) => !newByUser.has(userId) && !updates.has(userId),
    );
    await eachLimited([...new Set(below)], async (userId) => {
      const rankBelow = await rankOutsideSnapshot(ctx, board, userId, histogram.above);
      if (rankBelow !== null) updates.set(userId, rankBelow);
    });
    await eachLimited([...updates], ([userId, value]) =>
      service.entities.user
        .patch({ userId })
        .set({ [field]: value })
        .go(),
    );
    ranks = updates.size;
    writes += ranks;
  }
  return { writes, ranks };
}

/**
 * Applies the run's bucket moves to the board's histogram (one Query of the
 * non-empty buckets, a write per bucket that changed) and answers, for a
 * bucket, how many entries sit in the buckets above it.
 */
async function updateHistogram(
  ctx: CoreContext,
  board: Board,
  moves: Map<string, number>,
): Promise<{ writes: number; above: (bucket: string) => number }> {
  const service = serviceFor(ctx.db);
  const { data } = await service.entities.scoreBucket.query.byBoard({ board }).go({ pages: "all" });
  const counts = new Map(data.map((item) => [item.bucket, item.count]));
  const changed = [...moves].filter(([, by]) => by !== 0);
  for (const [bucket, by] of changed) counts.set(bucket, (counts.get(bucket) ?? 0) + by);
  const puts = changed
    .filter(([bucket]) => (counts.get(bucket) ?? 0) > 0)
    .map(([bucket]) => ({ board, bucket, count: counts.get(bucket) as number }));
  const deletes = changed
    .filter(([bucket]) => (counts.get(bucket) ?? 0) <= 0)
    .map(([bucket]) => ({ board, bucket }));
  if (puts.length) await service.entities.scoreBucket.put(puts).go();
  if (deletes.length) await service.entities.scoreBucket.delete(deletes).go();

  // Buckets in key order are scores from the highest down; prefix sums of their counts.
  const ordered = [...counts].filter(([, count]) => count > 0).sort(([a], [b]) => (a < b ? -1 : 1));
  const starts: string[] = [];
  const sums: number[] = [];
  let sum = 0;
  for (const [bucket, count] of ordered) {
    starts.push(bucket);
    sums.push(sum);
    sum += count;
  }
  const above = (bucket: string) => {
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((starts[middle] as string) < bucket) low = middle + 1;
      else high = middle;
    }
    return low < starts.length ? (sums[low] as number) : sum;
  };
  return { writes: puts.length + deletes.length, above };
}

/**
 * 1 + the entries with a strictly higher score: those in higher buckets (the
 * histogram) plus those above the user in the user's own bucket (one Query
 * over that bucket only).
 */
async function rankOutsideSnapshot(
  ctx: CoreContext,
  board: Board,
  userId: string,
  entriesAbove: (bucket: string) => number,
): Promise<number | null> {
  const service = serviceFor(ctx.db);
  const { data: stat } = await service.entities.userStat.get({ userId, periodKey: "all" }).go();
  if (!stat || !(board === "pnl" ? stat.pnlKey : stat.volumeKey)) return null;
  const prefix = scorePrefix(scoreOf(board, { pnl: stat.pnl ?? 0, volume: stat.volume ?? 0 }));
  const bucket = bucketOf(prefix);
  const sameBucket = await service.entities.leaderboardEntry.query
    .byScore({ board, periodKey: "all" })
    .between({ sortKey: bucket }, { sortKey: prefix })
    .go({ pages: "all", attributes: ["userId"] });
  return 1 + entriesAbove(bucket) + sameBucket.data.length;
}

function sameRow(a: LeaderboardRowItem | undefined, b: LeaderboardRowItem): boolean {
  return (
    a !== undefined &&
    a.userId === b.userId &&
    a.rank === b.rank &&
    a.username === b.username &&
    a.pnl === b.pnl &&
    a.volume === b.volume
  );
}

async function clearMarker(ctx: CoreContext, marker: RankDirtyItem): Promise<void> {
  try {
    await serviceFor(ctx.db)
      .entities.rankDirty.delete({ shard: marker.shard, userId: marker.userId })
      .where((item, { eq }) => eq(item.markedAt, marker.markedAt))
      .go();
  } catch (error) {
    // Marked again since we read it: the next run handles the newer change.
    ignoreConditionFailed(error);
  }
}

async function eachLimited<T>(items: T[], run: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
