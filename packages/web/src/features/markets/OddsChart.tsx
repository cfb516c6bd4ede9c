import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { QueryBoundary } from "../../components/QueryBoundary";
import { Skeleton } from "../../components/Skeleton";
import { formatDateTime, formatPercent } from "../../lib/format";
import { usePrefersReducedMotion } from "../../lib/usePrefersReducedMotion";
import { type Market, marketQueries } from "./queries";

const shortDate = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric" });

/** Odds history of both options (Recharts), with a text summary for screen readers. */
export function OddsChart({ market }: { market: Market }) {
  const history = useQuery(marketQueries.oddsHistory(market.id));
  return (
    <QueryBoundary queries={[history]} pending={<Skeleton height="240px" />}>
      {({ points }) => <OddsLines market={market} recorded={points} />}
    </QueryBoundary>
  );
}

type OddsPoint = { at: string; thisOdds: number; thatOdds: number };

function OddsLines({ market, recorded }: { market: Market; recorded: OddsPoint[] }) {
  const animate = !usePrefersReducedMotion();
  // The history ends at the last snapshot; the market's odds of now close the line.
  const points = useMemo(() => {
    const last = recorded[recorded.length - 1];
    if (!last || market.thisOdds === null || market.thatOdds === null) return recorded;
    const now = new Date().toISOString();
    return now > last.at
      ? [...recorded, { at: now, thisOdds: market.thisOdds, thatOdds: market.thatOdds }]
      : recorded;
  }, [recorded, market.thisOdds, market.thatOdds]);
  const data = useMemo(
    () =>
      points.map((point) => ({
        t: new Date(point.at).getTime(),
        this: Math.round(point.thisOdds * 1000) / 10,
        that: Math.round(point.thatOdds * 1000) / 10,
      })),
    [points],
  );

  if (points.length < 2) {
    return (
      <p style={{ color: "var(--muted)" }}>
        Not enough history yet: the chart fills in as the odds move.
      </p>
    );
  }
  const first = points[0];
  const last = points[points.length - 1];
  const summary =
    first && last
      ? `${market.thisOption} went from ${formatPercent(first.thisOdds)} to ${formatPercent(last.thisOdds)} between ${formatDateTime(first.at)} and ${formatDateTime(last.at)}.`
      : "";
  return (
    <figure style={{ margin: 0 }}>
      <div
        role="img"
        aria-label={`Odds history chart. ${summary}`}
        style={{ width: "100%", height: 260 }}
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart
            data={data}
            margin={{ top: 8, right: 12, bottom: 0, left: -12 }}
            accessibilityLayer={false}
          >
            <CartesianGrid stroke="#e5e7eb" vertical={false} />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={["dataMin", "dataMax"]}
              tickFormatter={(t: number) => shortDate.format(t)}
              tick={{ fontSize: 12, fill: "#4b5563" }}
              minTickGap={32}
            />
            <YAxis
              domain={[0, 100]}
              ticks={[0, 25, 50, 75, 100]}
              tickFormatter={(v: number) => `${v}%`}
              tick={{ fontSize: 12, fill: "#4b5563" }}
            />
            <Tooltip
              labelFormatter={(t) => formatDateTime(new Date(Number(t)).toISOString())}
              formatter={(value) => `${value}%`}
            />
            <Legend wrapperStyle={{ fontSize: 13 }} />
            <Line
              type="monotone"
              dataKey="this"
              name={market.thisOption}
              stroke="#0f766e"
              strokeWidth={2}
              dot={false}
              isAnimationActive={animate}
            />
            <Line
              type="monotone"
              dataKey="that"
              name={market.thatOption}
              stroke="#b4235a"
              strokeWidth={2}
              dot={false}
              isAnimationActive={animate}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="visually-hidden">{summary}</figcaption>
    </figure>
  );
}
