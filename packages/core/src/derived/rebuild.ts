import type { CoreContext } from "../context";
import { legacyShard } from "../entities/daily-counter";
import { sessionsScope } from "../entities/prediction-stat";
import { dirtyShardOf } from "../leaderboard/stats";
import { serviceFor } from "../service";
import { liveKeys, readAggregates, recomputeAggregates, type UserDaySessions } from "./recompute";

export interface RebuildReport {
  /** `UserStat` items set to their recomputation (and their users marked for ranking). */
  statsRewritten: number;
  /** Days whose counters were rewritten (onto one shard; their DAU kept). */
  daysRewritten: number;
  /** Users' weeks of credit flows set to their recomputation. */
  flowsRewritten: number;
  /** Users' sessions of a day (`PredictionStat`) set to their recomputation. */
  sessionsRewritten: number;
}

const statFields = ["placed", "settled", "volume", "pnl"] as const;

/**
 * Sets every leaderboard stat, day counter, week of credit flows and user's
 * sessions of a day that differs from its
 * recomputation (`recomputeAggregates`) to it: `npm run rebuild:aggregates`
 * and the admin's `POST /admin/jobs/rebuild-aggregates`, for repair after a
 * bug or a lost consumer batch. A day's counters move onto shard 0 (its other
 * shards deleted), keeping their summed DAU, which no recomputation knows.
 * Run it with the consumer caught up: a change counted after the Scan but
 * before the write would be overwritten (the next rebuild restores it).
 */
export async function rebuildAggregates(ctx: CoreContext, segments = 4): Promise<RebuildReport> {
  const service = serviceFor(ctx.db);
  const [expected, actual] = await Promise.all([
    recomputeAggregates(ctx, segments),
    readAggregates(ctx, segments),
  ]);
  const report: RebuildReport = {
    statsRewritten: 0,
    daysRewritten: 0,
    flowsRewritten: 0,
    sessionsRewritten: 0,
  };
  const now = ctx.clock().toISOString();

  for (const key of new Set([...expected.stats.keys(), ...actual.stats.keys()])) {
    const stored = actual.stats.get(key);
    const want = expected.stats.get(key) ?? {
      ...(stored as NonNullable<typeof stored>),
      counts: {},
    };
    const have = stored?.counts ?? {};
    const counts = Object.fromEntries(statFields.map((field) => [field, want.counts[field] ?? 0]));
    if (statFields.every((field) => (have[field] ?? 0) === counts[field])) continue;
    const update = service.entities.userStat
      .update({ userId: want.userId, periodKey: want.periodKey })
      .set(counts);
    await (want.ttl ? update.set({ ttl: want.ttl }) : update).go();
    await service.entities.rankDirty
      .put({ shard: dirtyShardOf(want.userId), userId: want.userId, markedAt: `${now}#rebuild` })
      .go();
    report.statsRewritten += 1;
  }

  for (const day of new Set([...expected.days.keys(), ...actual.days.keys()])) {
    const want = expected.days.get(day) ?? {};
    const have = actual.days.get(day) ?? {};
    const fields = new Set([...Object.keys(want), ...Object.keys(have)]);
    fields.delete("activeUsers");
    if ([...fields].every((field) => (want[field] ?? 0) === (have[field] ?? 0))) continue;
    const counts = Object.fromEntries([...fields].map((field) => [field, want[field] ?? 0]));
    const shards = await dayShards(ctx, day);
    await service.entities.dailyCounter
      .put({ day, shard: 0, ...counts, activeUsers: have.activeUsers ?? 0 })
      .go();
    for (const shard of shards.filter((shard) => shard !== 0)) {
      await service.entities.dailyCounter.delete({ day, shard }).go();
    }
    report.daysRewritten += 1;
  }

  const nowSeconds = Math.floor(ctx.clock().getTime() / 1000);
  for (const key of liveKeys(expected.flows, actual.flows, nowSeconds)) {
    const stored = actual.flows.get(key);
    const want = expected.flows.get(key) ?? {
      ...(stored as NonNullable<typeof stored>),
      counts: {},
    };
    const have = stored?.counts ?? {};
    const fields = new Set([...Object.keys(want.counts), ...Object.keys(have)]);
    if ([...fields].every((field) => (want.counts[field] ?? 0) === (have[field] ?? 0))) continue;
    // A put: the week becomes its recomputation, fields no entry moved included.
    await service.entities.userFlowWeek
      .put({ userId: want.userId, week: want.week, ttl: want.ttl, ...want.counts })
      .go();
    report.flowsRewritten += 1;
  }

  for (const key of new Set([...expected.sessions.keys(), ...actual.sessions.keys()])) {
    const want = expected.sessions.get(key) ?? {
      ...(actual.sessions.get(key) as UserDaySessions),
      sessions: 0,
    };
    if (want.sessions === (actual.sessions.get(key)?.sessions ?? 0)) continue;
    await service.entities.predictionStat
      .update({ scope: sessionsScope(want.day), key: want.userId })
      .set({ sessions: want.sessions })
      .go();
    report.sessionsRewritten += 1;
  }
  return report;
}

/** The shard numbers a day's counters are on (one BatchGetItem). */
async function dayShards(ctx: CoreContext, day: string): Promise<number[]> {
  const candidates = [
    ...Array.from({ length: ctx.config.COUNTER_SHARDS }, (_, shard) => shard),
    legacyShard,
  ].map((shard) => ({ day, shard }));
  const { data } = await serviceFor(ctx.db).entities.dailyCounter.get(candidates).go();
  return data.map((item) => item.shard);
}
