import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import { QueryBoundary } from "../../components/QueryBoundary";
import { Skeleton, SkeletonBlock } from "../../components/Skeleton";
import { type Column, Table } from "../../components/Table";
import { Badge, Card, EmptyState, PageHeader } from "../../components/ui";
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
              <SkillVsMarket models={models} />
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

type Skill = ModelScore["skill"];
type CategorySkill = Skill["byCategory"][number];

const verdictLabels: Record<Skill["verdict"], { text: string; tone: string }> = {
  better: { text: "Beats the market", tone: "won" },
  worse: { text: "Trails the market", tone: "lost" },
  level: { text: "About level", tone: "resolved" },
  too_few: { text: "Too few forecasts yet", tone: "pending" },
};

/** `+0.04`, `−0.12`: a skill score, signed. */
function signed(value: number): string {
  const fixed = Math.abs(value).toFixed(2);
  return value > 0 ? `+${fixed}` : value < 0 ? `−${fixed}` : fixed;
}

function skillFigure(skill: Pick<Skill, "skillScore" | "interval">): string {
  if (skill.skillScore === null) return "–";
  const range = skill.interval
    ? ` (95% range ${signed(skill.interval.lower)} to ${signed(skill.interval.upper)})`
    : "";
  return `${signed(skill.skillScore)}${range}`;
}

const categoryColumns: Column<CategorySkill>[] = [
  { header: "Category", cell: (c) => c.category, primary: true },
  { header: "Forecasts", cell: (c) => formatNumber(c.forecasts), numeric: true },
  { header: "Skill vs market", cell: (c) => skillFigure(c), numeric: true },
  { header: "Verdict", cell: (c) => verdictLabels[c.verdict].text },
];

/**
 * Does the AI beat the market? Each model's Brier score against the market's
 * own (its mirrored odds when the model was asked) on the same resolved
 * markets, as a skill score with its sample size and interval, per category.
 */
function SkillVsMarket({ models }: { models: ModelScore[] }) {
  return (
    <Card>
      <h2 className={styles.title}>Does the AI beat the market?</h2>
      <p className={styles.muted}>
        Each model against the market's own odds at the moment it was asked, on the same resolved
        markets. A skill score of 0 means as good as the market; above 0 is better, below 0 worse.
      </p>
      <ul className={styles.skillList}>
        {models.map((model) => {
          const skill = model.skill;
          const verdict = verdictLabels[skill.verdict];
          return (
            <li key={model.modelId} className={styles.skill} data-testid="model-skill">
              <div className={styles.skillHead}>
                <h3>{model.name}</h3>
                <Badge tone={verdict.tone}>{verdict.text}</Badge>
              </div>
              <p>{skill.summary}</p>
              <dl className={styles.skillFigures}>
                <div>
                  <dt>Skill vs market</dt>
                  <dd>{skillFigure(skill)}</dd>
                </div>
                <div>
                  <dt>Forecasts compared</dt>
                  <dd>{formatNumber(skill.forecasts)}</dd>
                </div>
                <div>
                  <dt>Brier: model / market</dt>
                  <dd>
                    {brier(skill.brierScore)} / {brier(skill.marketBrierScore)}
                  </dd>
                </div>
              </dl>
              {skill.byCategory.length ? (
                <details className={styles.details}>
                  <summary>By category</summary>
                  <Table
                    caption={`${model.name} against the market, by category`}
                    columns={categoryColumns}
                    rows={skill.byCategory}
                    rowKey={(c) => c.categoryKey}
                  />
                </details>
              ) : null}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
