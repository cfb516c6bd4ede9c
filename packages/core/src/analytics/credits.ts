import type { CoreContext } from "../context";
import { lastDays } from "../counters";
import { type DailyCounterItem, legacyShard } from "../entities/daily-counter";
import type { LedgerEntryType } from "../entities/ledger-entry";
import { creditTypes, debitTypes, refundTypes } from "../ledger/operations";
import { fromCents } from "../money";
import { serviceFor } from "../service";

/** One UTC day of credit analytics (credits, not cents). */
export interface CreditDay {
  date: string;
  /** Credits in, by ledger type (refunds included). */
  issued: Partial<Record<LedgerEntryType, number>>;
  /** Credits out, by ledger type, as positive numbers. */
  spent: Partial<Record<LedgerEntryType, number>>;
  issuedTotal: number;
  spentTotal: number;
  /** Distinct users with a credit movement or an authenticated request that day. */
  activeUsers: number;
  bets: number;
  betVolume: number;
  averageBet: number | null;
  sessions: number;
  sessionsFailed: number;
}

export interface CreditAnalytics {
  days: CreditDay[];
}

const issuedTypes = [...new Set([...creditTypes, ...refundTypes])];
const spentTypes = [...debitTypes];

/**
 * Credits issued and spent by ledger type, DAU, bets and sessions for each of
 * the last `days` UTC days (oldest first, every day present), summed from the
 * sharded day counters that the credit transactions keep: each day's shards
 * (and its `legacyShard`, moved from the month layout) by BatchGetItem, 100
 * keys a request, never a scan.
 */
export async function creditAnalytics(ctx: CoreContext, days: number): Promise<CreditAnalytics> {
  const dates = lastDays(ctx, days);
  const shards = [
    ...Array.from({ length: ctx.config.COUNTER_SHARDS }, (_, shard) => shard),
    legacyShard,
  ];
  const keys = dates.flatMap((day) => shards.map((shard) => ({ day, shard })));
  const items = await batchRead(ctx, keys);
  const byDay = new Map<string, DailyCounterItem[]>();
  for (const item of items) byDay.set(item.day, [...(byDay.get(item.day) ?? []), item]);
  return { days: dates.map((date) => creditDay(date, byDay.get(date) ?? [])) };
}

/** Unprocessed keys (throttling) are asked for again, a few times, before giving up. */
const maxBatchAttempts = 5;

async function batchRead(
  ctx: CoreContext,
  keys: { day: string; shard: number }[],
): Promise<DailyCounterItem[]> {
  const counters = serviceFor(ctx.db).entities.dailyCounter;
  const found: DailyCounterItem[] = [];
  let wanted = keys;
  for (let attempt = 1; wanted.length > 0; attempt += 1) {
    if (attempt > maxBatchAttempts) throw new Error("Day counters: keys left unprocessed");
    const { data, unprocessed } = await counters.get(wanted).go({ concurrency: 4 });
    found.push(...data);
    wanted = unprocessed as typeof keys;
  }
  return found;
}

function creditDay(date: string, shards: DailyCounterItem[]): CreditDay {
  const sum = (read: (item: DailyCounterItem) => number | undefined) =>
    shards.reduce((total, item) => total + (read(item) ?? 0), 0);
  const byType = (types: LedgerEntryType[], side: "issued" | "spent") =>
    Object.fromEntries(
      types.map((type) => [type, sum((item) => item[`${side}_${type}`])]),
    ) as Record<LedgerEntryType, number>;
  const issuedCents = byType(issuedTypes, "issued");
  const spentCents = byType(spentTypes, "spent");
  const total = (cents: Record<string, number>) =>
    fromCents(Object.values(cents).reduce((all, value) => all + value, 0));
  const inCredits = (cents: Record<string, number>) =>
    Object.fromEntries(Object.entries(cents).map(([type, value]) => [type, fromCents(value)]));
  const bets = sum((item) => item.bets);
  const betVolumeCents = spentCents.bet_placed ?? 0;
  return {
    date,
    issued: inCredits(issuedCents),
    spent: inCredits(spentCents),
    issuedTotal: total(issuedCents),
    spentTotal: total(spentCents),
    activeUsers: sum((item) => item.activeUsers),
    bets,
    betVolume: fromCents(betVolumeCents),
    averageBet: bets ? fromCents(Math.round(betVolumeCents / bets)) : null,
    sessions: sum((item) => item.sessions),
    sessionsFailed: sum((item) => item.sessionsFailed),
  };
}
