import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import { QueryBoundary } from "../../components/QueryBoundary";
import { Skeleton, SkeletonBlock } from "../../components/Skeleton";
import { Card } from "../../components/ui";
import { formatNumber } from "../../lib/format";
import { type ChartRow, creditSeries } from "../transactions/credit-series";
import styles from "./credits.module.css";
import { type CreditFlowWeek, creditQueries } from "./queries";

// The chart library loads with the first chart.
const DailyChart = lazy(() =>
  import("../admin/DailyChart").then((module) => ({ default: module.DailyChart })),
);

const weekOf = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  timeZone: "UTC",
});
const weekLabel = (startsOn: string) =>
  `Week of ${weekOf.format(new Date(`${startsOn}T00:00:00Z`))}`;

/**
 * "Where my credits went": credits in against credits out per week, stacked by
 * ledger type (named as the transaction list names them), from the counters
 * the stream consumer keeps. The figures are also a list for screen readers.
 */
export function CreditFlowsChart({ weeks = 12 }: { weeks?: number }) {
  const flows = useQuery(creditQueries.flows(weeks));
  return (
    <Card>
      <section aria-labelledby="credit-flows" data-testid="credit-flows">
        <h2 id="credit-flows">Where my credits went</h2>
        <p className={styles.muted}>
          Credits in and out by type, per week, the last {weeks} weeks.
        </p>
        <QueryBoundary
          queries={[flows]}
          pending={<SkeletonBlock lines={4} label="Loading where your credits went" />}
        >
          {(data) => <Flows weeks={data.weeks} />}
        </QueryBoundary>
      </section>
    </Card>
  );
}

function Flows({ weeks }: { weeks: CreditFlowWeek[] }) {
  const totalIn = weeks.reduce((sum, week) => sum + week.in, 0);
  const totalOut = weeks.reduce((sum, week) => sum + week.out, 0);
  if (totalIn === 0 && totalOut === 0) {
    return <p className={styles.empty}>No credits in or out in these weeks yet.</p>;
  }
  const { rows, series } = creditSeries(
    weeks.map((week) => ({
      date: week.startsOn,
      issued: Object.fromEntries(week.byType.map((flow) => [flow.type, flow.in])),
      spent: Object.fromEntries(week.byType.map((flow) => [flow.type, flow.out])),
    })),
  );
  const summary = `In all: ${formatNumber(totalIn)} credits in, ${formatNumber(totalOut)} out.`;
  const moved = rows.filter((row) => series.some((s) => Number(row[s.key] ?? 0) !== 0));
  return (
    <>
      <p className={styles.flowTotals}>{summary}</p>
      <div
        className={styles.flowChart}
        role="img"
        aria-label={`Credits in and out per week, by type. ${summary} The list that follows has the figures.`}
      >
        <Suspense fallback={<Skeleton height="100%" />}>
          <DailyChart rows={rows} series={series} periodLabel={weekLabel} />
        </Suspense>
      </div>
      {/* A list, not a table: the page's one table stays the transaction list. */}
      <ul className="visually-hidden" aria-label="Credits in and out per week, by type">
        {moved.map((row: ChartRow) => (
          <li key={String(row.date)} data-week={String(row.date)}>
            {weekLabel(String(row.date))}:{" "}
            {series
              .filter((s) => Number(row[s.key] ?? 0) !== 0)
              .map((s) => `${s.name} ${formatNumber(Number(row[s.key]))}`)
              .join("; ")}
          </li>
        ))}
      </ul>
    </>
  );
}
