import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { lazy, Suspense } from "react";
import { Select } from "../../components/Field";
import { QueryBoundary } from "../../components/QueryBoundary";
import { Skeleton, SkeletonBlock } from "../../components/Skeleton";
import { type Column, Table } from "../../components/Table";
import { Card } from "../../components/ui";
import { formatNumber, formatPercent } from "../../lib/format";
import { useDocumentTitle } from "../../lib/useDocumentTitle";
import { creditSeries } from "../transactions/credit-series";
import styles from "./admin.module.css";
import type { Series } from "./DailyChart";
import { adminQueries } from "./queries";

// The chart library loads with the first chart.
const DailyChart = lazy(() =>
  import("./DailyChart").then((module) => ({ default: module.DailyChart })),
);

const route = getRouteApi("/admin/analytics");
const modelColors = ["#4338ca", "#0f766e", "#b4235a", "#92400e", "#1d4ed8"];

type Row = Record<string, number | string>;

/** Analytics with charts: credits in and out, DAU, bets, sessions, model outcomes per day. */
export function AdminAnalyticsScreen() {
  useDocumentTitle("Admin: analytics");
  const days = route.useSearch().days ?? 30;
  const navigate = useNavigate({ from: "/admin/analytics" });
  const credits = useQuery(adminQueries.creditAnalytics(days));
  const predictions = useQuery(adminQueries.predictionAnalytics(days));

  return (
    <div className={styles.sections}>
      <div className={styles.actions}>
        <Select
          label="Period"
          value={String(days)}
          onChange={(event) => void navigate({ search: { days: Number(event.target.value) } })}
        >
          <option value="7">Last 7 days</option>
          <option value="30">Last 30 days</option>
          <option value="90">Last 90 days</option>
        </Select>
      </div>
      <QueryBoundary
        queries={[credits]}
        pending={<SkeletonBlock lines={6} label="Loading credit analytics" />}
      >
        {(perDay) => (
          <>
            <ChartCard
              title="Credits issued and spent"
              description="Credits in (by type) against credits out (by type), per day (UTC)."
              {...creditSeries(perDay)}
            />
            <ChartCard
              title="Daily active users"
              description="Users with a credit movement or a signed-in request that day."
              kind="line"
              rows={perDay.map((day) => ({ date: day.date, activeUsers: day.activeUsers }))}
              series={[{ key: "activeUsers", name: "Active users", color: "#4338ca" }]}
            />
            <ChartCard
              title="Bets per day"
              rows={perDay.map((day) => ({ date: day.date, bets: day.bets }))}
              series={[{ key: "bets", name: "Bets", color: "#0f766e" }]}
            />
            <ChartCard
              title="Prediction sessions per day"
              rows={perDay.map((day) => ({
                date: day.date,
                finished: day.sessions - day.sessionsFailed,
                failed: day.sessionsFailed,
              }))}
              series={[
                { key: "finished", name: "Sessions", color: "#4338ca", stack: "s" },
                { key: "failed", name: "Failed (refunded)", color: "#b91c1c", stack: "s" },
              ]}
            />
          </>
        )}
      </QueryBoundary>
      <QueryBoundary
        queries={[predictions]}
        pending={<SkeletonBlock lines={4} label="Loading model analytics" />}
      >
        {(outcomes) => (
          <>
            <ChartCard
              title="Model success and failure per day"
              description="Model runs that succeeded (solid) and failed (stacked on top), per model."
              {...outcomeRows(outcomes.modelOutcomesPerDay, outcomes.models)}
            />
            <Card>
              <h2 className={styles.sectionTitle}>Models in all</h2>
              <Table
                caption="Model success and failure"
                columns={modelColumns}
                rows={outcomes.models}
                rowKey={(model) => model.modelId}
              />
            </Card>
          </>
        )}
      </QueryBoundary>
    </div>
  );
}

type ModelRow = {
  modelId: string;
  name: string;
  runs: number;
  successes: number;
  failures: number;
  successRate: number | null;
};
const modelColumns: Column<ModelRow>[] = [
  { header: "Model", cell: (m) => m.name, primary: true },
  { header: "Runs", cell: (m) => formatNumber(m.runs), numeric: true },
  { header: "Succeeded", cell: (m) => formatNumber(m.successes), numeric: true },
  { header: "Failed", cell: (m) => formatNumber(m.failures), numeric: true },
  { header: "Success rate", cell: (m) => formatPercent(m.successRate), numeric: true },
];

function outcomeRows(
  perDay: { date: string; modelId: string; successes: number; failures: number }[],
  models: { modelId: string; name: string }[],
): { rows: Row[]; series: Series[] } {
  const byDate = new Map<string, Row>();
  for (const entry of perDay) {
    const row = byDate.get(entry.date) ?? { date: entry.date };
    row[`${entry.modelId}:ok`] = entry.successes;
    row[`${entry.modelId}:failed`] = entry.failures;
    byDate.set(entry.date, row);
  }
  const series = models.flatMap((model, i): Series[] => [
    {
      key: `${model.modelId}:ok`,
      name: `${model.name} ✓`,
      color: modelColors[i % modelColors.length] as string,
      stack: model.modelId,
    },
    {
      key: `${model.modelId}:failed`,
      name: `${model.name} failed`,
      color: "#b91c1c",
      stack: model.modelId,
    },
  ]);
  return {
    rows: [...byDate.values()].sort((a, b) => String(a.date).localeCompare(String(b.date))),
    series,
  };
}

/** A chart with its figures also as a table (for screen readers, and for exact numbers). */
function ChartCard({
  title,
  description,
  rows,
  series,
  kind = "bar",
}: {
  title: string;
  description?: string;
  rows: Row[];
  series: Series[];
  kind?: "bar" | "line";
}) {
  const columns: Column<Row>[] = [
    { header: "Day", cell: (row) => String(row.date), primary: true },
    ...series.map((s) => ({
      header: s.name,
      cell: (row: Row) => formatNumber(Number(row[s.key] ?? 0)),
      numeric: true,
    })),
  ];
  return (
    <Card>
      <h2 className={styles.sectionTitle}>{title}</h2>
      {description ? <p className={styles.muted}>{description}</p> : null}
      {rows.length === 0 || series.length === 0 ? (
        <p className={styles.muted}>Nothing in this period yet.</p>
      ) : (
        <>
          <div
            className={styles.chart}
            role="img"
            aria-label={`${title}: chart; the table below has the figures.`}
          >
            <Suspense fallback={<Skeleton height="100%" />}>
              <DailyChart rows={rows} series={series} kind={kind} />
            </Suspense>
          </div>
          <details>
            <summary>Figures</summary>
            <Table
              caption={title}
              columns={columns}
              rows={rows}
              rowKey={(row) => String(row.date)}
            />
          </details>
        </>
      )}
    </Card>
  );
}
