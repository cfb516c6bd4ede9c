import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatNumber } from "../../lib/format";
import { usePrefersReducedMotion } from "../../lib/usePrefersReducedMotion";

export interface Series {
  key: string;
  name: string;
  color: string;
  /** Bars of the same stack sit on top of each other. */
  stack?: string;
}

const shortDate = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  timeZone: "UTC",
});
const dayLabel = (date: unknown) => shortDate.format(new Date(`${String(date)}T00:00:00Z`));

/**
 * One chart of figures per day (Recharts): bars (stacked by `stack`) or lines.
 * `rows` are `{ date: "YYYY-MM-DD", [series key]: number }`; the caller puts
 * the same figures in a table for screen readers. `periodLabel` names a row's
 * date in the tooltip when a row is not a day (a week: "Week of Nov 30").
 */
export function DailyChart({
  rows,
  series,
  kind = "bar",
  periodLabel,
}: {
  rows: Record<string, number | string>[];
  series: Series[];
  kind?: "bar" | "line";
  periodLabel?: (date: string) => string;
}) {
  const animate = !usePrefersReducedMotion();
  const axes = (
    <>
      <CartesianGrid stroke="#e5e7eb" vertical={false} />
      <XAxis
        dataKey="date"
        tickFormatter={dayLabel}
        tick={{ fontSize: 12, fill: "#4b5563" }}
        minTickGap={16}
      />
      <YAxis
        tickFormatter={(v: number) => formatNumber(v)}
        tick={{ fontSize: 12, fill: "#4b5563" }}
      />
      <Tooltip
        labelFormatter={periodLabel ? (date) => periodLabel(String(date)) : dayLabel}
        formatter={(value) => formatNumber(Number(value))}
      />
      <Legend wrapperStyle={{ fontSize: 13 }} />
    </>
  );
  return (
    <ResponsiveContainer width="100%" height="100%">
      {kind === "line" ? (
        <LineChart
          data={rows}
          margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
          accessibilityLayer={false}
        >
          {axes}
          {series.map((s) => (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.name}
              stroke={s.color}
              strokeWidth={2}
              dot={false}
              isAnimationActive={animate}
            />
          ))}
        </LineChart>
      ) : (
        <BarChart
          data={rows}
          margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
          accessibilityLayer={false}
        >
          {axes}
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.name}
              fill={s.color}
              stackId={s.stack}
              isAnimationActive={animate}
            />
          ))}
        </BarChart>
      )}
    </ResponsiveContainer>
  );
}
