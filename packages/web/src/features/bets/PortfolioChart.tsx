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

type ChartRow = PortfolioPoint & { t: number };

/**
 * The total of the account (balance + open positions at the odds of then) over
 * a range (1W, 1M, All), with a hover and touch tooltip and a text summary for
 * screen readers. `loading` while another range's answer is on its way.
 */
export function PortfolioChart({
  history,
  range,
  onRange,
  loading,
}: {
  history: PortfolioPoint[];
  range: PortfolioRange;
  onRange: (range: PortfolioRange) => void;
  loading: boolean;
}) {
  return (
    <div className={styles.chart} aria-busy={loading}>
      <div className={styles.chartHead}>
        <h3 id="portfolio-history">Total over time</h3>
        <RangeToggle
          options={ranges}
          value={range}
          onChange={onRange}
          label="Portfolio chart range"
        />
      </div>
      <TotalLine history={history} range={range} />
    </div>
  );
}

function TotalLine({ history, range }: { history: PortfolioPoint[]; range: PortfolioRange }) {
  const animate = !usePrefersReducedMotion();
  const data = useMemo<ChartRow[]>(
    () => history.map((point) => ({ ...point, t: Date.parse(point.at) })),
    [history],
  );
  const first = history[0];
  const last = history[history.length - 1];
  if (history.length < 2 || !first || !last) {
    return (
      <p className={styles.empty} data-testid="portfolio-chart-empty">
        Not enough history yet: the chart fills in as time passes.
      </p>
    );
  }
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
              tickFormatter={timeTick(false)}
              tick={chartAxis.tick}
              minTickGap={32}
            />
            <YAxis
              domain={["auto", "auto"]}
              allowDecimals={false}
              tickFormatter={(v: number) => compact.format(v)}
              tick={chartAxis.tick}
              width={48}
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
              type="monotone"
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
