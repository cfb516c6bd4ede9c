/**
 * Leaderboard periods (docs/product-rules.md, "Leaderboards"): all time, and the
 * current UTC calendar month, ISO week (Monday to Sunday) and day. A period's
 * items are keyed by `periodKey`: `all`, `month#2026-12`, `week#2026-W49`,
 * `day#2026-12-02`.
 */
export const periods = ["all", "month", "week", "day"] as const;
export type Period = (typeof periods)[number];

const day = 24 * 60 * 60 * 1000;
/** Period items (stats, entries, rows) are kept this long after their period ends. */
const keepAfterEnd = 35 * day;

export interface PeriodSlot {
  period: Period;
  periodKey: string;
  /** Epoch seconds after which DynamoDB may delete the period's items; none for `all`. */
  ttl: number | undefined;
}

/** The key of the period holding `at`. */
export function periodKeyAt(period: Period, at: Date): string {
  return slotAt(period, at).periodKey;
}

/** Every period holding `at`, `all` first. */
export function slotsAt(at: Date): PeriodSlot[] {
  return periods.map((period) => slotAt(period, at));
}

function slotAt(period: Period, at: Date): PeriodSlot {
  const iso = at.toISOString();
  switch (period) {
    case "all":
      return { period, periodKey: "all", ttl: undefined };
    case "month": {
      const end = Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1);
      return { period, periodKey: `month#${iso.slice(0, 7)}`, ttl: expiry(end) };
    }
    case "week": {
      const { key, end } = isoWeekOf(at);
      return { period, periodKey: `week#${key}`, ttl: expiry(end) };
    }
    case "day": {
      const end = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() + 1);
      return { period, periodKey: `day#${iso.slice(0, 10)}`, ttl: expiry(end) };
    }
  }
}

function expiry(endMs: number): number {
  return Math.floor((endMs + keepAfterEnd) / 1000);
}

/** The ISO 8601 week holding `at`: its key (`2026-W49`), first day (Monday) and end. */
export interface IsoWeek {
  key: string;
  /** `YYYY-MM-DD` of its Monday. */
  startsOn: string;
  /** Epoch milliseconds of its end (the next Monday 00:00 UTC). */
  end: number;
}

export function isoWeekOf(at: Date): IsoWeek {
  const { year, week, end } = isoWeek(at);
  return {
    key: `${year}-W${String(week).padStart(2, "0")}`,
    startsOn: new Date(end - 7 * day).toISOString().slice(0, 10),
    end,
  };
}

/** ISO 8601 week number and week-year, and when the week ends (next Monday 00:00 UTC). */
function isoWeek(at: Date): { year: number; week: number; end: number } {
  const midnight = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  const weekday = (new Date(midnight).getUTCDay() + 6) % 7; // Monday = 0
  const thursday = new Date(midnight + (3 - weekday) * day);
  const year = thursday.getUTCFullYear();
  const firstThursday = Date.UTC(year, 0, 4);
  const firstWeekday = (new Date(firstThursday).getUTCDay() + 6) % 7;
  const week1Monday = firstThursday - firstWeekday * day;
  const week = Math.floor((midnight - weekday * day - week1Monday) / (7 * day)) + 1;
  return { year, week, end: midnight + (7 - weekday) * day };
}
