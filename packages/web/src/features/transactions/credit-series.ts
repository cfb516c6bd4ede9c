import type { Series } from "../admin/DailyChart";
import { transactionLabels } from "./ledger";

const inColors = ["#15803d", "#0f766e", "#1d4ed8", "#4338ca", "#0e7490", "#65a30d"];
const outColors = ["#b91c1c", "#c2410c", "#a21caf", "#92400e"];

export type ChartRow = Record<string, number | string>;

/** Credits of one period (a day, a week) in and out by ledger type, both positive. */
export interface CreditPeriod {
  date: string;
  issued: Record<string, number>;
  spent: Record<string, number>;
}

const label = (type: string) => transactionLabels[type as keyof typeof transactionLabels] ?? type;

/**
 * Credits in against credits out by type, one stack each, per period
 * (`DailyChart`'s rows and series), the types named as the transaction list
 * names them. Only the types that moved credits: a legend of zeros says nothing.
 */
export function creditSeries(periods: CreditPeriod[]): { rows: ChartRow[]; series: Series[] } {
  const used = (side: "issued" | "spent") =>
    [...new Set(periods.flatMap((period) => Object.keys(period[side])))]
      .filter((type) => periods.some((period) => (period[side][type] ?? 0) !== 0))
      .sort();
  const issued = used("issued");
  const spent = used("spent");
  const rows = periods.map((period) => {
    const row: ChartRow = { date: period.date };
    for (const type of issued) row[`in:${type}`] = period.issued[type] ?? 0;
    for (const type of spent) row[`out:${type}`] = period.spent[type] ?? 0;
    return row;
  });
  const series: Series[] = [
    ...issued.map((type, i) => ({
      key: `in:${type}`,
      name: `In: ${label(type)}`,
      color: inColors[i % inColors.length] as string,
      stack: "in",
    })),
    ...spent.map((type, i) => ({
      key: `out:${type}`,
      name: `Out: ${label(type)}`,
      color: outColors[i % outColors.length] as string,
      stack: "out",
    })),
  ];
  return { rows, series };
}
