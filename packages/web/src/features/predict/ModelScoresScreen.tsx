import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import { QueryBoundary } from "../../components/QueryBoundary";
import { Skeleton, SkeletonBlock } from "../../components/Skeleton";
import { type Column, Table } from "../../components/Table";
import { Card, EmptyState, PageHeader } from "../../components/ui";
import { formatNumber, formatPercent } from "../../lib/format";
import { useDocumentTitle } from "../../lib/useDocumentTitle";
import { type ModelScore, predictionQueries } from "./queries";
import styles from "./scores.module.css";

// The chart library loads with the first chart.
const CalibrationChart = lazy(() =>
  import("./CalibrationChart").then((module) => ({ default: module.CalibrationChart })),
);

const brier = (value: number | null) => (value === null ? "–" : value.toFixed(3));

const columns: Column<ModelScore>[] = [
  { header: "Model", cell: (model) => model.name, primary: true },
  { header: "Runs", cell: (model) => formatNumber(model.runs), numeric: true },
  { header: "Success rate", cell: (model) => formatPercent(model.successRate), numeric: true },
  { header: "Forecasts scored", cell: (model) => formatNumber(model.forecasts), numeric: true },
  { header: "Brier score", cell: (model) => brier(model.brierScore), numeric: true },
];

/** Each model's record on resolved markets: runs, success rate, Brier score, calibration. */
export function ModelScoresScreen() {
  useDocumentTitle("Model scores");
  const scores = useQuery(predictionQueries.scores());
  const scored = scores.data?.filter((model) => model.forecasts > 0) ?? [];
  return (
    <>
      <PageHeader
        title="Model scores"
        description="How the AI models have done on markets that have resolved. A Brier score of 0 is perfect; 0.25 is what always saying 50% gets."
      />
      <QueryBoundary
        queries={[scores]}
        pending={<SkeletonBlock lines={5} label="Loading model scores" />}
      >
        {(models) =>
          models.length === 0 ? (
            <EmptyState title="No models yet" />
          ) : (
            <div className={styles.sections}>
              <Card>
                <Table
                  caption="Model scores"
                  columns={columns}
                  rows={models}
                  rowKey={(model) => model.modelId}
                />
              </Card>
              <Card>
                <h2 className={styles.title}>Calibration</h2>
                <p className={styles.muted}>
                  Of the forecasts that said about X%, how many came true? A well-calibrated model
                  sits on the dashed diagonal.
                </p>
                {scored.length === 0 ? (
                  <p className={styles.empty}>
                    No forecast has been scored yet: scores come once a predicted market resolves.
                  </p>
                ) : (
                  <>
                    <div
                      className={styles.chart}
                      role="img"
                      aria-label="Calibration chart: predicted probability against observed frequency, per model. The table below has the same figures."
                    >
                      <Suspense fallback={<Skeleton height="100%" />}>
                        <CalibrationChart models={scored} />
                      </Suspense>
                    </div>
                    <details className={styles.details}>
                      <summary>Calibration figures</summary>
                      {scored.map((model) => (
                        <CalibrationTable key={model.modelId} model={model} />
                      ))}
                    </details>
                  </>
                )}
              </Card>
            </div>
          )
        }
      </QueryBoundary>
    </>
  );
}

type Bucket = ModelScore["calibration"][number];
const bucketColumns: Column<Bucket>[] = [
  {
    header: "Predicted",
    cell: (b) => `${Math.round(b.lower * 100)}–${Math.round(b.upper * 100)}%`,
    primary: true,
  },
  { header: "Forecasts", cell: (b) => formatNumber(b.forecasts), numeric: true },
  { header: "Mean predicted", cell: (b) => formatPercent(b.meanPredicted), numeric: true },
  { header: "Came true", cell: (b) => formatPercent(b.observedFrequency), numeric: true },
];

function CalibrationTable({ model }: { model: ModelScore }) {
  return (
    <div className={styles.bucketTable}>
      <h3>{model.name}</h3>
      <Table
        caption={`Calibration of ${model.name}`}
        columns={bucketColumns}
        rows={model.calibration.filter((bucket) => bucket.forecasts > 0)}
        rowKey={(bucket) => String(bucket.lower)}
      />
    </div>
  );
}
