import { useMemo } from "react";
import {
  Area,
  AreaChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import {
  type ChartRangeOption,
  ChartTooltipBox,
  chartAxis,
  chartHeadClass,
  dayTicks,
  niceAxis,
  RangeToggle,
  timeTick,
} from "../../components/Chart";
import { formatCredits, formatDateTime, formatNumber } from "../../lib/format";
import { usePrefersReducedMotion } from "../../lib/usePrefersReducedMotion";
import styles from "./portfolio.module.css";
import type { PortfolioPoint, PortfolioRange } from "./queries";

const ranges: ChartRangeOption<PortfolioRange>[] = [
  { range: "1w", label: "1W", name: "last week" },
  { range: "1m", label: "1M", name: "last month" },
  { range: "all", label: "All", name: "time since you joined" },
];
const color = "#0f766e";
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
const day = 24 * 60 * 60 * 1000;

/** A y-axis tick: whole numbers up to 100,000, then `120K`, `1.5M`. */
const amountTick = (value: number) =>
  Math.abs(value) < 100_000 ? formatNumber(value) : compact.format(value);

/**
 * The y-axis around the totals: round steps with a tenth of their spread above
 * and below (2% of the total when flat), so a flat line sits mid-chart and a
 * move of a few credits still shows.
 */
function amountAxis(totals: number[]) {
  const low = Math.min(...totals);
  const high = Math.max(...totals);
  const pad = Math.max((high - low) / 10, Math.abs(high) / 50, 1);
  return niceAxis(low - pad, high + pad);
}

type ChartRow = PortfolioPoint & { t: number };

/**
 * The total of the account (balance + open positions at the odds of then) over
 * a range (1W, 1M, All), with a hover and touch tooltip and a text summary for
 * screen readers. `selected` is the range pressed; `history` the one answered
 * (the previous range's while the new one loads, `loading`).
 */
export function PortfolioChart({
  history,
  selected,
  onRange,
  loading,
}: {
  history: { range: PortfolioRange; points: PortfolioPoint[] };
  selected: PortfolioRange;
  onRange: (range: PortfolioRange) => void;
  loading: boolean;
}) {
  return (
    <div className={styles.chart} aria-busy={loading}>
      <div className={chartHeadClass}>
        <h3 id="portfolio-history">Total over time</h3>
        <RangeToggle
          options={ranges}
          value={selected}
          onChange={onRange}
          label="Portfolio chart range"
        />
      </div>
      <TotalLine history={history.points} range={history.range} />
    </div>
  );
}

function TotalLine({ history, range }: { history: PortfolioPoint[]; range: PortfolioRange }) {
  const animate = !usePrefersReducedMotion();
  const data = useMemo<ChartRow[]>(
    () => history.map((point) => ({ ...point, t: Date.parse(point.at) })),
    [history],
  );
  const first = data[0];
  const last = data[data.length - 1];
  if (data.length < 2 || !first || !last) {
    return (
      <p className={styles.empty} data-testid="portfolio-chart-empty">
        Not enough history yet: the chart fills in as time passes.
      </p>
    );
  }
  const axis = amountAxis(data.map((row) => row.total));
  const withinTwoDays = last.t - first.t < 2 * day;
  const summary = `Your total went from ${formatCredits(first.total)} to ${formatCredits(last.total)} between ${formatDateTime(first.at)} and ${formatDateTime(last.at)}.`;
  return (
    <figure
      className={styles.figure}
      data-testid="portfolio-chart"
      data-range={range}
      data-points={history.length}
    >
      <div role="img" aria-label={`Portfolio total chart. ${summary}`} className={styles.plot}>
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart
            data={data}
            margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
            accessibilityLayer={false}
          >
            <defs>
              <linearGradient id="portfolio-fill" x1="0" y1="0" x2="0" y2="1">
                <stop offset="0%" stopColor={color} stopOpacity={0.25} />
                <stop offset="100%" stopColor={color} stopOpacity={0.02} />
              </linearGradient>
            </defs>
            <CartesianGrid stroke={chartAxis.gridStroke} vertical={false} />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={["dataMin", "dataMax"]}
              tickFormatter={timeTick(withinTwoDays)}
              // Days: one tick a midnight (or every few), never one date twice.
              ticks={withinTwoDays ? undefined : dayTicks(first.t, last.t)}
              tick={chartAxis.tick}
              minTickGap={32}
            />
            <YAxis
              domain={axis.domain}
              ticks={axis.ticks}
              tickFormatter={amountTick}
              tick={chartAxis.tick}
              width={56}
            />
            <Tooltip
              content={(props) => (
                <TotalTooltip active={props.active} payload={props.payload} label={props.label} />
              )}
              // "hover" covers touch too: Recharts follows touchmove with the same tooltip.
              trigger="hover"
              isAnimationActive={false}
            />
            <Area
              type="linear"
              dataKey="total"
              name="Total"
              stroke={color}
              strokeWidth={2}
              fill="url(#portfolio-fill)"
              dot={false}
              isAnimationActive={animate}
            />
          </AreaChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="visually-hidden">{summary}</figcaption>
    </figure>
  );
}

/** The moment under the pointer: the total then, and what it was made of. */
function TotalTooltip({
  active,
  payload,
  label,
}: {
  active?: boolean | undefined;
  payload?: readonly { payload?: unknown }[] | undefined;
  label?: unknown;
}) {
  if (!active || !payload?.length) return null;
  const row = payload[0]?.payload as ChartRow | undefined;
  if (!row) return null;
  return (
    <ChartTooltipBox at={Number(label ?? row.t)} testId="portfolio-tooltip">
      <strong style={{ color }}>Total: {formatNumber(row.total)}</strong>
      <span>Balance: {formatNumber(row.balance)}</span>
      <span>Positions: {formatNumber(row.positions)}</span>
    </ChartTooltipBox>
  );
}
