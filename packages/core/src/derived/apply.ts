import type { DailyCounts } from "../analytics/daily";
import { cancellationReasons, conditionFailed, TransactionCancelled } from "../conditions";
import type { CoreContext } from "../context";
import { counterShard } from "../counters";
import { sessionsScope } from "../entities/prediction-stat";
import { isoWeekOf, slotsAt } from "../leaderboard/periods";
import { dirtyShardOf } from "../leaderboard/stats";
import { backoffMs, isTransientCode, isTransientError, sleep } from "../ledger/retry";
import { mirroredPrefix } from "../markets/odds-watch";
import { serviceFor, type TransactionEntities, type TransactionItem } from "../service";
import type { DerivedChange, Effect, FlowCounts, StatCounts } from "./effects";
import type { NotificationDraft } from "./notifications";

/** DynamoDB's limit of items in one transaction. */
const maxTransactionItems = 100;
/** A marker outlives the stream's 24 h retention (and a Lambda retry window) by far. */
const markerSeconds = 3 * 24 * 60 * 60;
const maxBusyAttempts = 10;
/**
 * Transactions in flight at once. Changes are split into lanes by the user
 * (or market) they concern, and each lane writes its own day-counter shard, so
 * two lanes never touch one item and their transactions do not conflict.
 */
const lanes = 4;

export interface ApplyResult {
  /** Changes counted now. */
  applied: number;
  /** Changes found counted already (a redelivery): nothing added. */
  skipped: number;
  /**
   * The notifications this call wrote, each for the first time (a redelivered
   * change writes none): what may be acted on once, as the payout emails are.
   */
  written: NotificationDraft[];
}

/**
 * Counts every change exactly once although records arrive at least once and
 * in any order across shards: each transaction writes, for each change in it,
 * a marker under the change's name on condition it is new, together with the
 * sums its changes add (merged per item: a transaction may touch an item once).
 * A change whose marker exists is dropped and the rest go again. All effects
 * are additions, so order does not matter. A crash between transactions loses
 * nothing: the changes of a committed transaction are marked, the others are
 * not, and the redelivered batch counts exactly the latter.
 */
export async function applyChanges(
  ctx: CoreContext,
  changes: DerivedChange[],
  /** Fewer items per transaction (tests: a crash between transactions). */
  maxItems = maxTransactionItems,
): Promise<ApplyResult> {
  const watched = new Map<string, string>();
  const unique = [...new Map(changes.map((change) => [change.changeId, change])).values()].map(
    (change) => ({
      ...change,
      // Watches are idempotent puts, one per market: written once for the batch, below.
      effects: change.effects.filter((effect) => {
        if (effect.kind !== "watchOdds") return true;
        const since = watched.get(effect.marketId);
        if (!since || since < effect.since) watched.set(effect.marketId, effect.since);
        return false;
      }),
    }),
  );
  const result: ApplyResult = { applied: 0, skipped: 0, written: [] };
  const byLane = Array.from({ length: lanes }, () => [] as DerivedChange[]);
  for (const change of unique) {
    if (change.effects.length > 0) byLane[laneOf(change)]?.push(change);
  }
  const shardBase = counterShard(ctx);
  await Promise.all(
    byLane.map(async (lane, index) => {
      // Each lane its own day-counter shard: lanes never write one item together.
      const shard = (shardBase + index) % ctx.config.COUNTER_SHARDS;
      let queue = lane;
      while (queue.length > 0) {
        const [chunk, rest] = takeChunk(queue, maxItems);
        const outcome = await commitChunk(ctx, chunk, shard);
        result.applied += outcome.applied;
        result.skipped += outcome.seen.size;
        if (outcome.applied > 0) result.written.push(...chunk.flatMap(notificationsOf));
        // The chunk's changes counted before go; the others of the chunk go again.
        const retry =
          outcome.applied === 0 ? chunk.filter((c) => !outcome.seen.has(c.changeId)) : [];
        queue = [...retry, ...rest];
      }
    }),
  );
  await writeWatches(ctx, watched);
  return result;
}

function notificationsOf(change: DerivedChange): NotificationDraft[] {
  return change.effects.flatMap((effect) =>
    effect.kind === "notification" ? [effect.notification] : [],
  );
}

/** When this process last put each market's watch, so a busy market costs a write a minute. */
const lastWatchPut = new Map<string, number>();
const watchRefreshMs = 60_000;

/** The odds watches of a batch: one put per market (none if put in the last minute). */
async function writeWatches(ctx: CoreContext, watched: Map<string, string>): Promise<void> {
  const now = ctx.clock().getTime();
  const due = [...watched].filter(([marketId]) => {
    const last = lastWatchPut.get(`${ctx.db.table}#${marketId}`);
    return last === undefined || now - last >= watchRefreshMs || now < last;
  });
  if (due.length === 0) return;
  if (lastWatchPut.size > 10_000) lastWatchPut.clear();
  const watches = serviceFor(ctx.db).entities.oddsWatch;
  await Promise.all(
    due.map(async ([marketId, since]) => {
      const externalId = marketId.slice(mirroredPrefix.length);
      await watches.put({ marketId, externalId, since }).go();
      lastWatchPut.set(`${ctx.db.table}#${marketId}`, now);
    }),
  );
}

/** The lane of a change: by the user (or market) its effects concern, so their items stay in one lane. */
function laneOf(change: DerivedChange): number {
  // Day counters name no owner: each lane writes its own shard of them.
  const owner = change.effects.map(ownerOf).find((name) => name !== undefined) ?? change.changeId;
  let hash = 0;
  for (let index = 0; index < owner.length; index += 1) {
    hash = (hash * 31 + owner.charCodeAt(index)) | 0;
  }
  return Math.abs(hash) % lanes;
}

function ownerOf(effect: Effect): string | undefined {
  switch (effect.kind) {
    case "stats":
    case "rankDirty":
    case "flows":
    case "userSessions":
      return effect.userId;
    case "notification":
      return effect.notification.userId;
    case "watchOdds":
      return effect.marketId;
    case "daily":
      return undefined;
  }
}

/** As many changes from the front as fit in one transaction (markers plus merged items). */
function takeChunk(queue: DerivedChange[], maxItems: number): [DerivedChange[], DerivedChange[]] {
  const keys = new Set<string>();
  let taken = 0;
  for (const change of queue) {
    const added = new Set(change.effects.flatMap(itemKeys).filter((key) => !keys.has(key)));
    if (taken > 0 && taken + 1 + keys.size + added.size > maxItems) break;
    for (const key of added) keys.add(key);
    taken += 1;
  }
  return [queue.slice(0, taken), queue.slice(taken)];
}

function itemKeys(effect: DerivedChange["effects"][number]): string[] {
  switch (effect.kind) {
    case "stats":
      return slotsAt(new Date(effect.at)).map((slot) => `stat#${effect.userId}#${slot.periodKey}`);
    case "rankDirty":
      return [`dirty#${effect.userId}`];
    case "flows":
      return [`flow#${effect.userId}#${isoWeekOf(new Date(effect.at)).key}`];
    case "daily":
      return [`day#${effect.day}`];
    case "userSessions":
      return [`sessions#${effect.day}#${effect.userId}`];
    case "watchOdds":
      return [`watch#${effect.marketId}`];
    case "notification": {
      const { userId, notificationId } = effect.notification;
      return [`notice#${userId}#${notificationId}`, `inbox#${userId}`];
    }
  }
}

interface ChunkOutcome {
  applied: number;
  /** Changes whose marker was there: counted before. */
  seen: Set<string>;
}

async function commitChunk(
  ctx: CoreContext,
  chunk: DerivedChange[],
  shard: number,
): Promise<ChunkOutcome> {
  const now = ctx.clock();
  const ttl = Math.floor(now.getTime() / 1000) + markerSeconds;
  for (let attempt = 1; ; attempt += 1) {
    let result: Awaited<ReturnType<ReturnType<typeof transaction>["go"]>>;
    try {
      result = await transaction(ctx, chunk, now.toISOString(), ttl, shard).go();
    } catch (error) {
      if (!isTransientError(error) || attempt >= maxBusyAttempts) throw error;
      await sleep(backoffMs(attempt));
      continue;
    }
    if (!result.canceled) return { applied: chunk.length, seen: new Set() };
    const reasons = cancellationReasons(result);
    // The markers come first, one per change, in the chunk's order.
    const seen = new Set(
      chunk.filter((_, index) => reasons[index]?.code === conditionFailed).map((c) => c.changeId),
    );
    if (seen.size > 0) return { applied: 0, seen };
    if (!reasons.some((reason) => isTransientCode(reason.code)) || attempt >= maxBusyAttempts) {
      throw new TransactionCancelled("Derived data", reasons);
    }
    await sleep(backoffMs(attempt));
  }
}

function transaction(
  ctx: CoreContext,
  chunk: DerivedChange[],
  appliedAt: string,
  ttl: number,
  shard: number,
) {
  const stats = new Map<
    string,
    { userId: string; periodKey: string; ttl?: number; add: StatCounts }
  >();
  const flows = new Map<string, { userId: string; week: string; ttl: number; add: FlowCounts }>();
  const dirty = new Set<string>();
  const days = new Map<string, DailyCounts>();
  /** Sessions started, by `<day>#<userId>`. */
  const sessions = new Map<string, { day: string; userId: string; count: number }>();
  const notices = new Map<string, NotificationDraft>();
  for (const effect of chunk.flatMap((change) => change.effects)) {
    if (effect.kind === "stats") {
      for (const slot of slotsAt(new Date(effect.at))) {
        const key = `${effect.userId}#${slot.periodKey}`;
        const entry = stats.get(key) ?? {
          userId: effect.userId,
          periodKey: slot.periodKey,
          ...(slot.ttl ? { ttl: slot.ttl } : {}),
          add: {},
        };
        entry.add = addCounts(entry.add, effect.add);
        stats.set(key, entry);
      }
    } else if (effect.kind === "flows") {
      const week = isoWeekOf(new Date(effect.at));
      const key = `${effect.userId}#${week.key}`;
      const entry = flows.get(key) ?? {
        userId: effect.userId,
        week: week.key,
        ttl: flowWeekTtl(ctx, week.end),
        add: {},
      };
      entry.add = addCounts(entry.add, effect.add);
      flows.set(key, entry);
    } else if (effect.kind === "rankDirty") {
      dirty.add(effect.userId);
    } else if (effect.kind === "daily") {
      days.set(effect.day, addCounts(days.get(effect.day) ?? {}, effect.add));
    } else if (effect.kind === "userSessions") {
      const key = `${effect.day}#${effect.userId}`;
      const entry = sessions.get(key) ?? { day: effect.day, userId: effect.userId, count: 0 };
      entry.count += 1;
      sessions.set(key, entry);
    } else if (effect.kind === "notification") {
      const { userId, notificationId } = effect.notification;
      notices.set(`${userId}#${notificationId}`, effect.notification);
    }
  }
  return serviceFor(ctx.db).transaction.write((entities: TransactionEntities) => {
    const items: TransactionItem[] = chunk.map((change) =>
      entities.appliedChange.create({ changeId: change.changeId, appliedAt, ttl }).commit(),
    );
    for (const stat of stats.values()) {
      const add = nonZero(stat.add);
      if (Object.keys(add).length === 0) continue;
      const update = entities.userStat
        .update({ userId: stat.userId, periodKey: stat.periodKey })
        .add(add);
      items.push((stat.ttl ? update.set({ ttl: stat.ttl }) : update).commit());
    }
    for (const flow of flows.values()) {
      const add = nonZero(flow.add);
      if (Object.keys(add).length === 0) continue;
      items.push(
        entities.userFlowWeek
          .update({ userId: flow.userId, week: flow.week })
          .add(add)
          .set({ ttl: flow.ttl })
          .commit(),
      );
    }
    for (const userId of dirty) {
      items.push(
        entities.rankDirty
          .put({ shard: dirtyShardOf(userId), userId, markedAt: `${appliedAt}#${ctx.newId()}` })
          .commit(),
      );
    }
    for (const [day, counts] of days) {
      const add = nonZero(counts);
      if (Object.keys(add).length === 0) continue;
      items.push(entities.dailyCounter.update({ day, shard }).add(add).commit());
    }
    for (const { day, userId, count } of sessions.values()) {
      items.push(
        entities.predictionStat
          .update({ scope: sessionsScope(day), key: userId })
          .add({ sessions: count })
          .commit(),
      );
    }
    const unread = new Map<string, number>();
    for (const notice of notices.values()) {
      // A put, not a create: the marker already makes a redelivered change add
      // nothing, and the same id can only hold the same notification.
      items.push(entities.notification.put({ ...notice, read: false }).commit());
      unread.set(notice.userId, (unread.get(notice.userId) ?? 0) + 1);
    }
    for (const [userId, count] of unread) {
      items.push(entities.notificationInbox.update({ userId }).add({ unread: count }).commit());
    }
    return items;
  });
}

/** Epoch seconds when a week of credit flows may go: `CREDIT_FLOW_WEEKS_KEPT` weeks after it ends. */
export function flowWeekTtl(ctx: CoreContext, weekEndMs: number): number {
  const weekMs = 7 * 24 * 60 * 60 * 1000;
  return Math.floor((weekEndMs + ctx.config.CREDIT_FLOW_WEEKS_KEPT * weekMs) / 1000);
}

function addCounts<T extends Record<string, number | undefined>>(sum: T, more: T): T {
  const out: Record<string, number> = { ...(sum as Record<string, number>) };
  for (const [name, value] of Object.entries(more)) {
    if (value) out[name] = roundCents((out[name] ?? 0) + value);
  }
  return out as T;
}

/** Credits summed in floating point would drift: sums stay on the cent. */
function roundCents(value: number): number {
  return Math.round(value * 100) / 100;
}

function nonZero<T extends Record<string, number | undefined>>(counts: T): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([, value]) => value)) as Record<
    string,
    number
  >;
}
