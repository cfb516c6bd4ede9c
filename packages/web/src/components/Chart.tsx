import type { ReactNode } from "react";
import { formatDateTime } from "../lib/format";
import styles from "./Chart.module.css";

/** A range a time chart offers: its key, its button's label and what it spans ("last week"). */
/** The row over a chart: its title or status line, and its range buttons. */
export const chartHeadClass = styles.head;

export interface ChartRangeOption<R extends string> {
  range: R;
  label: string;
  name: string;
}

/**
 * The toggle buttons above a time chart (1W, 1M, All…): one pressed at a time,
 * each named by its visible label first (WCAG 2.5.3): "1W, the last week".
 */
export function RangeToggle<R extends string>({
  options,
  value,
  onChange,
  label = "Chart range",
}: {
  options: readonly ChartRangeOption<R>[];
  value: R;
  onChange: (range: R) => void;
  label?: string;
}) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a toolbar of toggle buttons, not a form fieldset
    <div className={styles.ranges} role="group" aria-label={label}>
      {options.map((option) => (
        <button
          key={option.range}
          type="button"
          className={styles.range}
          aria-pressed={value === option.range}
          aria-label={`${option.label}, the ${option.name}`}
          onClick={() => onChange(option.range)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}

/** The box a time chart's tooltip shows: the moment under the pointer, then one line a series. */
export function ChartTooltipBox({
  at,
  testId,
  children,
}: {
  /** The moment, in ms since the epoch. */
  at: number;
  testId: string;
  children: ReactNode;
}) {
  const iso = new Date(at).toISOString();
  return (
    <div className={styles.tooltip} data-testid={testId}>
      <time dateTime={iso}>{formatDateTime(iso)}</time>
      {children}
    </div>
  );
}

/** How the axes of every time chart read. */
export const chartAxis = {
  tick: { fontSize: 12, fill: "#4b5563" },
  gridStroke: "#e5e7eb",
} as const;

const shortDate = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric" });
const shortTime = new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit" });

/** An x-axis tick: the hour for a chart of a day, the date for longer ones. */
export function timeTick(withinADay: boolean): (t: number) => string {
  return (t) => (withinADay ? shortTime : shortDate).format(t);
}

const dayMs = 24 * 60 * 60 * 1000;

/**
 * X-axis ticks at local midnights between `from` and `to` (ms), every as many
 * days as keep them to `max`, so a chart of days never labels one date twice.
 */
export function dayTicks(from: number, to: number, max = 7): number[] {
  const first = new Date(from);
  first.setHours(0, 0, 0, 0);
  if (first.getTime() < from) first.setDate(first.getDate() + 1);
  const days = Math.floor((to - first.getTime()) / dayMs) + 1;
  const every = Math.max(1, Math.ceil(days / max));
  const ticks: number[] = [];
  for (const day = first; day.getTime() <= to; day.setDate(day.getDate() + every)) {
    ticks.push(day.getTime());
  }
  return ticks;
}

/**
 * A y-axis of about `count` whole round steps (1, 2 or 5 × a power of ten) that holds
 * `low`..`high`: its domain and its ticks.
 */
export function niceAxis(
  low: number,
  high: number,
  count = 4,
): { domain: [number, number]; ticks: number[] } {
  const raw = Math.max(high - low, 1) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  // Whole steps: the axes count credits.
  const step = Math.max(1, ([1, 2, 5, 10].find((factor) => factor * power >= raw) ?? 10) * power);
  const start = Math.floor(low / step) * step;
  const end = Math.max(Math.ceil(high / step) * step, start + step);
  const ticks: number[] = [];
  for (let tick = start; tick <= end + step / 2; tick += step) ticks.push(Math.round(tick));
  return { domain: [start, end], ticks };
}
