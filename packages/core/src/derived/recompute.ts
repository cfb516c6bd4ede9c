import type { CoreContext } from "../context";
import type { BetItem } from "../entities/bet";
import type { DailyCounterItem } from "../entities/daily-counter";
import type { LedgerEntryItem } from "../entities/ledger-entry";
import type { PredictionSessionItem } from "../entities/prediction-session";
import { sessionsScope } from "../entities/prediction-stat";
import { isoWeekOf, slotsAt } from "../leaderboard/periods";
import { toCents } from "../money";
import { scanTable } from "../scan";
import { serviceFor } from "../service";
import { flowWeekTtl } from "./apply";
import type { TableChange } from "./changes";
import { derivedChanges } from "./effects";

/** Counters the stream consumer keeps that a recomputation can check (DAU cannot: see below). */
const statFields = ["placed", "settled", "volume", "pnl"] as const;

export interface AggregateDifference {
  /**
   * `stat#<userId>#<periodKey>`, `day#<YYYY-MM-DD>`, `flow#<userId>#<YYYY-Www>`
   * or `sessions#<YYYY-MM-DD>#<userId>`.
   */
  key: string;
  field: string;
  expected: number;
  actual: number;
}

export interface AggregateReport {
  checked: { stats: number; days: number; flows: number; sessions: number };
  differences: AggregateDifference[];
}

type Counts = Record<string, number>;

export interface Aggregates {
  stats: Map<
    string,
    { userId: string; periodKey: string; ttl: number | undefined; counts: Counts }
  >;
  days: Map<string, Counts>;
  /** `UserFlowWeek`s by `<userId>#<week>`. */
  flows: Map<string, FlowWeek>;
  /** Sessions each user started per UTC day, by `<day>#<userId>`. */
  sessions: Map<string, UserDaySessions>;
}

export interface UserDaySessions {
  day: string;
  userId: string;
  sessions: number;
}

export interface FlowWeek {
  userId: string;
  week: string;
  ttl: number;
  counts: Counts;
}

/**
 * What every derived number should be, recomputed from the bets, the ledger
 * and the prediction sessions (a parallel Scan: jobs only), by the same rules
 * the consumer applies to each change. Daily active users are not recomputable
 * (a request marks a user active without writing anything else): not compared.
 */
export async function recomputeAggregates(ctx: CoreContext, segments = 4): Promise<Aggregates> {
  const service = serviceFor(ctx.db);
  const expected: Aggregates = emptyAggregates();
  const changes: TableChange[] = [];
  await scanTable(
    ctx,
    { segments, entity: ["bet", "ledgerEntry", "predictionSession"] },
    (items) => {
      for (const item of items) {
        const entity = item.__edb_e__;
        if (entity === "bet") {
          const bet = service.entities.bet.parse({ Item: item }).data as BetItem;
          changes.push({ entity: "bet", old: undefined, new: bet });
        } else if (entity === "ledgerEntry") {
          const entry = service.entities.ledgerEntry.parse({ Item: item }).data as LedgerEntryItem;
          changes.push({ entity: "ledgerEntry", old: undefined, new: entry });
        } else if (entity === "predictionSession") {
          const session = service.entities.predictionSession.parse({ Item: item })
            .data as PredictionSessionItem;
          changes.push({ entity: "predictionSession", old: undefined, new: session });
          if (session.status === "error") {
            // Its move into `error`, as the stream saw it.
            const before: PredictionSessionItem = { ...session, status: "generating" };
            changes.push({ entity: "predictionSession", old: before, new: session });
          }
        }
      }
    },
  );
  for (const effect of changes.flatMap(derivedChanges).flatMap((change) => change.effects)) {
    if (effect.kind === "stats") {
      for (const slot of slotsAt(new Date(effect.at))) {
        const key = `${effect.userId}#${slot.periodKey}`;
        const stat = expected.stats.get(key) ?? {
          userId: effect.userId,
          periodKey: slot.periodKey,
          ttl: slot.ttl,
          counts: {},
        };
        stat.counts = added(stat.counts, effect.add);
        expected.stats.set(key, stat);
      }
    } else if (effect.kind === "daily") {
      expected.days.set(effect.day, added(expected.days.get(effect.day) ?? {}, effect.add));
    } else if (effect.kind === "flows") {
      const week = isoWeekOf(new Date(effect.at));
      const key = `${effect.userId}#${week.key}`;
      const flow = expected.flows.get(key) ?? {
        userId: effect.userId,
        week: week.key,
        ttl: flowWeekTtl(ctx, week.end),
        counts: {},
      };
      flow.counts = added(flow.counts, effect.add);
      expected.flows.set(key, flow);
    } else if (effect.kind === "userSessions") {
      const key = `${effect.day}#${effect.userId}`;
      const day = expected.sessions.get(key) ?? {
        day: effect.day,
        userId: effect.userId,
        sessions: 0,
      };
      day.sessions += 1;
      expected.sessions.set(key, day);
    }
  }
  return expected;
}

/**
 * Compares every leaderboard stat, daily counter and week of credit flows
 * with its recomputation (the reconcile job and the load tests' end check).
 * Reads only. A stat or a week of flows past its `ttl` is left out on both
 * sides: DynamoDB deletes it some time after, so stored or not, it is no
 * difference.
 */
export async function compareAggregates(ctx: CoreContext, segments = 4): Promise<AggregateReport> {
  const expected = await recomputeAggregates(ctx, segments);
  const actual = await readAggregates(ctx, segments);
  const differences: AggregateDifference[] = [];
  const compare = (key: string, want: Counts, have: Counts, fields: readonly string[]) => {
    for (const field of fields) {
      const e = want[field] ?? 0;
      const a = have[field] ?? 0;
      if (toCents(e) !== toCents(a)) differences.push({ key, field, expected: e, actual: a });
    }
  };
  const now = Math.floor(ctx.clock().getTime() / 1000);
  const stats = liveKeys(expected.stats, actual.stats, now);
  for (const key of stats) {
    compare(
      `stat#${key}`,
      expected.stats.get(key)?.counts ?? {},
      actual.stats.get(key)?.counts ?? {},
      statFields,
    );
  }
  for (const day of new Set([...expected.days.keys(), ...actual.days.keys()])) {
    const want = expected.days.get(day) ?? {};
    const have = actual.days.get(day) ?? {};
    const fields = [...new Set([...Object.keys(want), ...Object.keys(have)])].filter(
      (field) => field !== "activeUsers",
    );
    compare(`day#${day}`, want, have, fields);
  }
  const flows = liveKeys(expected.flows, actual.flows, now);
  for (const key of flows) {
    const want = expected.flows.get(key)?.counts ?? {};
    const have = actual.flows.get(key)?.counts ?? {};
    compare(`flow#${key}`, want, have, [...new Set([...Object.keys(want), ...Object.keys(have)])]);
  }
  const sessions = new Set([...expected.sessions.keys(), ...actual.sessions.keys()]);
  for (const key of sessions) {
    const want = { sessions: expected.sessions.get(key)?.sessions ?? 0 };
    const have = { sessions: actual.sessions.get(key)?.sessions ?? 0 };
    compare(`sessions#${key}`, want, have, ["sessions"]);
  }
  return {
    checked: {
      stats: stats.length,
      days: expected.days.size,
      flows: flows.length,
      sessions: sessions.size,
    },
    differences,
  };
}

/**
 * The keys, recomputed or stored, not expired at `now` (epoch seconds): a
 * stat or week without a `ttl` (the all-time stats) never expires.
 */
export function liveKeys(
  expected: Map<string, { ttl?: number | undefined }>,
  actual: Map<string, { ttl?: number | undefined }>,
  now: number,
): string[] {
  return [...new Set([...expected.keys(), ...actual.keys()])].filter((key) => {
    const ttl = (expected.get(key) ?? actual.get(key))?.ttl;
    return ttl === undefined || ttl > now;
  });
}

/** The derived numbers as stored: stats per user and period, day counters summed over shards. */
export async function readAggregates(ctx: CoreContext, segments: number): Promise<Aggregates> {
  const stored: Aggregates = emptyAggregates();
  const scanned = ["userStat", "dailyCounter", "userFlowWeek", "predictionStat"];
  await scanTable(ctx, { segments, entity: scanned }, (items) => {
    for (const item of items) {
      if (item.__edb_e__ === "userStat") {
        const { userId, periodKey, ttl } = item as {
          userId: string;
          periodKey: string;
          ttl?: number;
        };
        const counts = Object.fromEntries(
          statFields.map((field) => [field, Number(item[field] ?? 0)]),
        );
        stored.stats.set(`${userId}#${periodKey}`, { userId, periodKey, ttl, counts });
      } else if (item.__edb_e__ === "userFlowWeek") {
        const { userId, week, ttl } = item as { userId: string; week: string; ttl?: number };
        stored.flows.set(`${userId}#${week}`, {
          userId,
          week,
          ttl: ttl ?? 0,
          counts: numbers(item),
        });
      } else if (item.__edb_e__ === "predictionStat") {
        const { scope, key, sessions } = item as { scope: string; key: string; sessions?: number };
        const day = scope.startsWith("day#") ? scope.slice("day#".length) : undefined;
        if (day && scope === sessionsScope(day)) {
          stored.sessions.set(`${day}#${key}`, { day, userId: key, sessions: sessions ?? 0 });
        }
      } else if (item.__edb_v__ === "2") {
        const { day, shard, ...rest } = item as DailyCounterItem & Record<string, unknown>;
        const counts = numbers(rest);
        stored.days.set(day, added(stored.days.get(day) ?? {}, counts));
      }
    }
  });
  return stored;
}

function emptyAggregates(): Aggregates {
  return { stats: new Map(), days: new Map(), flows: new Map(), sessions: new Map() };
}

/** An item's number attributes but its keys' and ElectroDB's (and `ttl`). */
function numbers(item: Record<string, unknown>): Counts {
  return Object.fromEntries(
    Object.entries(item).filter(
      (entry): entry is [string, number] =>
        typeof entry[1] === "number" && !entry[0].startsWith("__") && entry[0] !== "ttl",
    ),
  );
}

function added(sum: Counts, more: Record<string, number | undefined>): Counts {
  const out = { ...sum };
  for (const [field, value] of Object.entries(more)) {
    if (value) out[field] = Math.round(((out[field] ?? 0) + value) * 100) / 100;
  }
  return out;
}
