import { Skeleton } from "../../components/Skeleton";
import { formatPercent } from "../../lib/format";
import styles from "./predict.module.css";
import type { PredictionModel, PredictionSession, SessionStatus } from "./queries";

const steps = [
  { status: "initializing", label: "Initializing" },
  { status: "researching", label: "Researching" },
  { status: "generating", label: "Generating" },
  { status: "finished", label: "Finished" },
] as const;

function stepIndex(status: SessionStatus): number {
  return status === "error" ? -1 : steps.findIndex((step) => step.status === status);
}

/** Initializing → Researching → Generating → Finished, the current one announced politely. */
export function StepChip({ session }: { session: PredictionSession }) {
  const current = stepIndex(session.status);
  const label = session.status === "error" ? "Failed" : (steps[current]?.label ?? "");
  return (
    <div className={styles.steps}>
      <p className={styles.stepNow} aria-live="polite" data-testid="step">
        <span className={`${styles.chip} ${styles[`chip-${session.status}`] ?? ""}`}>{label}</span>
        {session.status !== "finished" && session.status !== "error" && session.step ? (
          <span className={styles.muted}>{session.step}</span>
        ) : null}
      </p>
      <ol className={styles.stepList} aria-label="Steps">
        {steps.map((step, index) => (
          <li
            key={step.status}
            className={
              index < current || session.status === "finished"
                ? styles.stepDone
                : index === current
                  ? styles.stepCurrent
                  : ""
            }
            aria-current={index === current ? "step" : undefined}
          >
            {step.label}
          </li>
        ))}
      </ol>
    </div>
  );
}

type ModelState = PredictionSession["models"][number]["state"];

function StateIcon({ state }: { state: ModelState }) {
  if (state === "running") {
    return <span className={styles.spinner} role="img" aria-label="Loading" />;
  }
  if (state === "completed") {
    return (
      <span className={`${styles.icon} ${styles.iconOk}`} aria-hidden="true">
        ✓
      </span>
    );
  }
  if (state === "failed") {
    return (
      <span className={`${styles.icon} ${styles.iconBad}`} aria-hidden="true">
        !
      </span>
    );
  }
  return <span className={styles.dot} aria-hidden="true" />;
}

const stateLabels: Record<ModelState, string> = {
  queued: "queued",
  running: "running",
  completed: "done",
  failed: "failed",
};

/** One row per model: queued (muted dot), running (spinner), done (check and a preview), failed. */
export function ModelRows({
  session,
  models,
  thisOption,
}: {
  session: PredictionSession;
  models: PredictionModel[] | undefined;
  thisOption: string;
}) {
  const names = new Map(models?.map((model) => [model.id, model.name]));
  const forecasts = new Map(session.predictions.map((p) => [p.modelId, p]));
  return (
    <ul className={styles.rows} aria-label="Models">
      {session.models.map((run) => {
        const forecast = forecasts.get(run.modelId);
        return (
          <li key={run.modelId} className={styles.row} data-state={run.state}>
            <StateIcon state={run.state} />
            <span className={styles.rowName}>{names.get(run.modelId) ?? run.modelId}</span>
            <span className={`${styles.rowState} ${styles[`state-${run.state}`] ?? ""}`}>
              {run.state === "completed" && forecast
                ? `${thisOption} ${formatPercent(forecast.probability)} · confidence ${formatPercent(forecast.confidence)}`
                : stateLabels[run.state]}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** Before the first answer: the chip and the rows as placeholders (static under reduced motion). */
export function ProgressSkeleton({ rows }: { rows: number }) {
  return (
    <div role="status" aria-label="Loading the session" className={styles.progress}>
      <Skeleton width="9rem" height="1.75rem" />
      <Skeleton width="100%" height="1.25rem" />
      <ul className={styles.rows} aria-hidden="true">
        {Array.from({ length: rows }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
          <li key={i} className={styles.row}>
            <Skeleton width="1.25rem" height="1.25rem" />
            <Skeleton width="40%" height="1rem" />
            <Skeleton width="25%" height="1rem" />
          </li>
        ))}
      </ul>
    </div>
  );
}
