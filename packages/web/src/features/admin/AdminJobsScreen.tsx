import { describeError } from "../../api/errors";
import { Button } from "../../components/Button";
import { Alert, Card } from "../../components/ui";
import { formatDateTime, formatNumber } from "../../lib/format";
import { useDocumentTitle } from "../../lib/useDocumentTitle";
import styles from "./admin.module.css";
import { type AdminJob, useRunJob } from "./mutations";

interface Job {
  id: AdminJob;
  title: string;
  description: string;
}

const jobs: Job[] = [
  {
    id: "market-sync",
    title: "Market sync",
    description: "Fetch new markets and the latest odds from Polymarket.",
  },
  {
    id: "resolution-poll",
    title: "Resolution poll",
    description: "Re-check markets that may have a result, and settle the ones that do.",
  },
  {
    id: "ranking",
    title: "Ranking",
    description: "Rebuild the leaderboards and every user's ranks.",
  },
  {
    id: "reconcile",
    title: "Reconcile ledgers",
    description: "Check that every balance equals the sum of its ledger (reads only).",
  },
  {
    id: "session-sweep",
    title: "Session sweep",
    description: "Refund prediction sessions stuck past their timeout.",
  },
];

/** Run each background job now and read its report. */
export function AdminJobsScreen() {
  useDocumentTitle("Admin: jobs");
  return (
    <div className={styles.sections}>
      {jobs.map((job) => (
        <JobCard key={job.id} job={job} />
      ))}
    </div>
  );
}

function JobCard({ job }: { job: Job }) {
  const run = useRunJob(job.id);
  const titleId = `job-${job.id}`;
  return (
    <Card>
      <section aria-labelledby={titleId} className={styles.form}>
        <div className={styles.actions} style={{ justifyContent: "space-between" }}>
          <div>
            <h2 id={titleId}>{job.title}</h2>
            <p className={styles.muted}>{job.description}</p>
          </div>
          <Button variant="secondary" busy={run.isPending} onClick={() => run.mutate()}>
            Run now
          </Button>
        </div>
        {run.isError ? <Alert tone="error">{describeError(run.error)}</Alert> : null}
        {run.isSuccess ? (
          <div aria-live="polite">
            <h3 className="visually-hidden">Report of {job.title}</h3>
            <Report value={run.data} />
          </div>
        ) : null}
      </section>
    </Card>
  );
}

/** A job's report: its figures as a list, in words, dates and numbers as the rest of the app shows them. */
function Report({ value }: { value: unknown }) {
  if (!value || typeof value !== "object")
    return <pre className={styles.report}>{String(value)}</pre>;
  return (
    <dl className={styles.facts} data-testid="job-report">
      {Object.entries(value as Record<string, unknown>).map(([key, item]) => (
        <div key={key}>
          <dt>{labelOf(key)}</dt>
          <dd>{reportText(item)}</dd>
        </div>
      ))}
    </dl>
  );
}

const isoMoment = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** `untrackedTotals` → `Untracked totals`. */
function labelOf(key: string): string {
  const words = key.replace(/([a-z\d])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** One figure of a report; nested parts (counts by kind, lists) as `label value · label value`. */
function reportText(item: unknown): string {
  if (item === null || item === undefined) return "–";
  if (typeof item === "number") return formatNumber(item);
  if (typeof item === "boolean") return item ? "yes" : "no";
  if (typeof item === "string") return isoMoment.test(item) ? formatDateTime(item) : item;
  if (Array.isArray(item)) return item.length === 0 ? "none" : item.map(reportText).join("; ");
  return Object.entries(item as Record<string, unknown>)
    .map(([key, part]) => `${labelOf(key).toLowerCase()} ${reportText(part)}`)
    .join(" · ");
}
