import type { CoreContext } from "../context";
import type { OddsSnapshotItem } from "../entities/odds-snapshot";
import { pageQuery, sourceOf } from "../paging";
import { serviceFor } from "../service";

/** The spans a chart shows; `all` is the whole history the table holds (newest `maxRead`). */
export const oddsRanges = ["1d", "1w", "1m", "all"] as const;
export type OddsRange = (typeof oddsRanges)[number];

/** How far back each range but `all` reaches from now. */
export const oddsRangeMs: Record<Exclude<OddsRange, "all">, number> = {
  "1d": 24 * 60 * 60 * 1000,
  "1w": 7 * 24 * 60 * 60 * 1000,
  "1m": 30 * 24 * 60 * 60 * 1000,
};

/** Points one answer holds at most: a chart is a few hundred pixels wide. */
export const maxChartPoints = 300;
/** Snapshots one request reads at most (newest first), about 300 KB. */
const maxRead = 3_000;

export type OddsPoint = Pick<OddsSnapshotItem, "takenAt" | "thisOdds" | "thatOdds">;

/**
 * A market's odds over `range`, oldest first, at most `maxChartPoints`: the
 * snapshots `oddsSnapshotsOver` reads, downsampled for a chart.
 */
export async function oddsHistoryOver(
  ctx: CoreContext,
  marketId: string,
  range: OddsRange,
): Promise<OddsPoint[]> {
  return downsample(await oddsSnapshotsOver(ctx, marketId, range), maxChartPoints);
}

/**
 * Every snapshot of a market's odds over `range`, oldest first. One Query
 * bounded by the range's start in the sort key reads the span (newest first, at
 * most `maxRead` items), and one of `Limit` 1 reads the last snapshot before it,
 * so a market whose odds have not moved in the span still starts at its odds of
 * then (stamped at the range's start). A span cut by `maxRead` gets no such
 * start: the odds between its start and the oldest snapshot read are unknown.
 */
export async function oddsSnapshotsOver(
  ctx: CoreContext,
  marketId: string,
  range: OddsRange,
): Promise<OddsPoint[]> {
  const snapshots = serviceFor(ctx.db).entities.oddsSnapshot;
  const byMarket = () => snapshots.query.byMarket({ marketId });
  if (range === "all") {
    const { items } = await pageQuery(ctx, sourceOf(byMarket(), snapshots, "desc"), {
      offset: 0,
      limit: maxRead,
    });
    return items.reverse();
  }
  const start = new Date(ctx.clock().getTime() - oddsRangeMs[range]).toISOString();
  const [inRange, before] = await Promise.all([
    pageQuery(ctx, sourceOf(byMarket().gte({ takenAt: start }), snapshots, "desc"), {
      offset: 0,
      limit: maxRead,
    }),
    pageQuery(ctx, sourceOf(byMarket().lt({ takenAt: start }), snapshots, "desc"), {
      offset: 0,
      limit: 1,
    }),
  ]);
  const points: OddsPoint[] = inRange.items.reverse();
  const anchor = before.items[0];
  const wholeSpan = inRange.next === undefined;
  if (anchor && wholeSpan && points[0]?.takenAt !== start) {
    points.unshift({ ...anchor, takenAt: start });
  }
  return points;
}

/**
 * At most `max` points of a series sorted by time: the span is cut into equal
 * time buckets and each keeps its last point (what the odds were at its end);
 * the first and the last point always stay.
 */
export function downsample<T extends { takenAt: string }>(points: readonly T[], max: number): T[] {
  if (points.length <= max) return [...points];
  const first = points[0] as T;
  const last = points[points.length - 1] as T;
  const from = Date.parse(first.takenAt);
  const span = Math.max(1, Date.parse(last.takenAt) - from);
  const buckets = max - 2;
  const kept: T[] = [first];
  let lastBucket = -1;
  for (let i = 1; i < points.length - 1; i++) {
    const point = points[i] as T;
    const bucket = Math.min(
      buckets - 1,
      Math.floor(((Date.parse(point.takenAt) - from) / span) * buckets),
    );
    if (bucket === lastBucket) kept[kept.length - 1] = point;
    else kept.push(point);
    lastBucket = bucket;
  }
  kept.push(last);
  return kept;
}
