import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceDot,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useSignIn } from "../../app/sign-in-hooks";
import {
  type ChartRangeOption,
  ChartTooltipBox,
  chartAxis,
  chartHeadClass,
  RangeToggle,
  timeTick,
} from "../../components/Chart";
import { QueryBoundary } from "../../components/QueryBoundary";
import { Skeleton } from "../../components/Skeleton";
import { formatDateTime, formatPercent, formatRelative } from "../../lib/format";
import { usePrefersReducedMotion } from "../../lib/usePrefersReducedMotion";
import { betQueries } from "../bets/queries";
import styles from "./OddsChart.module.css";
import { type Market, marketQueries, type OddsRange } from "./queries";

const ranges: ChartRangeOption<OddsRange>[] = [
  { range: "1d", label: "1D", name: "last day" },
  { range: "1w", label: "1W", name: "last week" },
  { range: "1m", label: "1M", name: "last month" },
  { range: "all", label: "All", name: "whole history" },
];
const colors = { this: "#0f766e", that: "#b4235a" } as const;

/**
 * Odds history of both options (Recharts) over a range (1D, 1W, 1M, All), with
 * a hover and touch tooltip, the signed-in user's bets marked where they were
 * placed, and a text summary for screen readers. Re-read with the market.
 */
export function OddsChart({ market }: { market: Market }) {
  const [range, setRange] = useState<OddsRange>("all");
  const history = useQuery(marketQueries.oddsHistory(market.id, range));
  return (
    <div>
      <div className={chartHeadClass}>
        <RangeToggle options={ranges} value={range} onChange={setRange} />
        {market.oddsUpdatedAt ? (
          <span className={styles.updated}>
            Odds updated{" "}
            <time dateTime={market.oddsUpdatedAt} title={formatDateTime(market.oddsUpdatedAt)}>
              {formatRelative(market.oddsUpdatedAt)}
            </time>
          </span>
        ) : null}
      </div>
      <QueryBoundary queries={[history]} pending={<Skeleton height="260px" />}>
        {({ points }) => <OddsLines market={market} recorded={points} range={range} />}
      </QueryBoundary>
    </div>
  );
}

type OddsPoint = { at: string; thisOdds: number; thatOdds: number };
type ChartRow = { t: number; this: number; that: number };

/** The signed-in user's bets on this market (from their latest 100), or none. */
function useMyBets(marketId: string) {
  const signedIn = useSignIn().status === "signedIn";
  const bets = useQuery({ ...betQueries.mine({ limit: 100 }), enabled: signedIn });
  return useMemo(
    () => (signedIn ? (bets.data?.bets ?? []).filter((bet) => bet.marketId === marketId) : []),
    [signedIn, bets.data, marketId],
  );
}

function OddsLines({
  market,
  recorded,
  range,
}: {
  market: Market;
  recorded: OddsPoint[];
  range: OddsRange;
}) {
  const animate = !usePrefersReducedMotion();
  const myBets = useMyBets(market.id);
  // The history ends at the last snapshot; the market's odds of now close the line.
  const points = useMemo(() => {
    const last = recorded[recorded.length - 1];
    if (!last || market.thisOdds === null || market.thatOdds === null) return recorded;
    const now = new Date().toISOString();
    return now > last.at
      ? [...recorded, { at: now, thisOdds: market.thisOdds, thatOdds: market.thatOdds }]
      : recorded;
  }, [recorded, market.thisOdds, market.thatOdds]);
  const data = useMemo<ChartRow[]>(
    () =>
      points.map((point) => ({
        t: new Date(point.at).getTime(),
        this: Math.round(point.thisOdds * 1000) / 10,
        that: Math.round(point.thatOdds * 1000) / 10,
      })),
    [points],
  );
  const first = points[0];
  const last = points[points.length - 1];
  const from = first ? Date.parse(first.at) : 0;
  const to = last ? Date.parse(last.at) : 0;
  const shownBets = myBets.filter((bet) => {
    const at = Date.parse(bet.placedAt);
    return at >= from && at <= to;
  });

  if (points.length < 2 || !first || !last) {
    return (
      <p style={{ color: "var(--muted)" }}>
        Not enough history yet: the chart fills in as the odds move.
      </p>
    );
  }
  const summary = `${market.thisOption} went from ${formatPercent(first.thisOdds)} to ${formatPercent(last.thisOdds)} between ${formatDateTime(first.at)} and ${formatDateTime(last.at)}.`;
  const tick = timeTick(range === "1d");
  const optionOf = (side: "this" | "that") =>
    side === "this" ? market.thisOption : market.thatOption;
  return (
    <figure style={{ margin: 0 }} data-testid="odds-chart" data-points={points.length}>
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
            <CartesianGrid stroke={chartAxis.gridStroke} vertical={false} />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={["dataMin", "dataMax"]}
              tickFormatter={tick}
              tick={chartAxis.tick}
              minTickGap={32}
            />
            <YAxis
              domain={[0, 100]}
              ticks={[0, 25, 50, 75, 100]}
              tickFormatter={(v: number) => `${v}%`}
              tick={chartAxis.tick}
            />
            <Tooltip
              content={(props) => (
                <OddsTooltip
                  active={props.active}
                  payload={props.payload}
                  label={props.label}
                  market={market}
                />
              )}
              // "hover" covers touch too: Recharts follows touchmove with the same tooltip.
              trigger="hover"
              isAnimationActive={false}
            />
            <Legend wrapperStyle={{ fontSize: 13 }} />
            <Line
              type="monotone"
              dataKey="this"
              name={market.thisOption}
              stroke={colors.this}
              strokeWidth={2}
              dot={false}
              isAnimationActive={animate}
            />
            <Line
              type="monotone"
              dataKey="that"
              name={market.thatOption}
              stroke={colors.that}
              strokeWidth={2}
              dot={false}
              isAnimationActive={animate}
            />
            {shownBets.map((bet) => (
              <ReferenceDot
                key={bet.id}
                x={Date.parse(bet.placedAt)}
                y={Math.round(bet.oddsAtBet * 1000) / 10}
                r={5}
                fill="#fff"
                stroke={colors[bet.side]}
                strokeWidth={3}
                className="my-bet-marker"
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="visually-hidden">{summary}</figcaption>
      {shownBets.length > 0 ? (
        <p className={styles.betsNote} data-testid="my-bets-on-chart">
          ○ Your bets:{" "}
          {shownBets
            .map(
              (bet) =>
                `${optionOf(bet.side)} at ${formatPercent(bet.oddsAtBet)} on ${formatDateTime(bet.placedAt)}`,
            )
            .join("; ")}
        </p>
      ) : null}
    </figure>
  );
}

/** The time of the point under the pointer and both options' prices then. */
function OddsTooltip({
  active,
  payload,
  label,
  market,
}: {
  active?: boolean | undefined;
  payload?: readonly { payload?: unknown }[] | undefined;
  label?: unknown;
  market: Market;
}) {
  if (!active || !payload?.length) return null;
  const row = payload[0]?.payload as ChartRow | undefined;
  if (!row) return null;
  return (
    <ChartTooltipBox at={Number(label ?? row.t)} testId="odds-tooltip">
      <span style={{ color: colors.this }}>
        {market.thisOption}: {row.this}%
      </span>
      <span style={{ color: colors.that }}>
        {market.thatOption}: {row.that}%
      </span>
    </ChartTooltipBox>
  );
}
