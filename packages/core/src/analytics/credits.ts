import type { CoreContext } from "../context";
import { dayAfter, lastDays } from "../counters";
import type { DailyCounterItem } from "../entities/daily-counter";
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
 * sharded day counters that the credit transactions keep: one Query per
 * calendar month the days touch (at most 4 for 90 days), never a scan.
 */
export async function creditAnalytics(ctx: CoreContext, days: number): Promise<CreditAnalytics> {
  const dates = lastDays(ctx, days);
  const from = dates[0] as string;
  const to = dates.at(-1) as string;
  const months = [...new Set(dates.map((date) => date.slice(0, 7)))];
  const counters = serviceFor(ctx.db).entities.dailyCounter;
  const pages = await Promise.all(
    months.map(async (month) => {
      // Every shard of `to` (`<to>#<shard>`) sorts before the bare next day.
      const { data } = await counters.query
        .byMonth({ month })
        .between({ day: from }, { day: dayAfter(to) })
        .go({ limit: 1000, pages: "all" });
      return data;
    }),
  );
  const byDay = new Map<string, DailyCounterItem[]>();
  for (const item of pages.flat()) byDay.set(item.day, [...(byDay.get(item.day) ?? []), item]);
  return { days: dates.map((date) => creditDay(date, byDay.get(date) ?? [])) };
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
