import type { ReactNode } from "react";
import { describeError } from "../api/errors";
import { Button } from "./Button";
import styles from "./ui.module.css";

export function Card({ children, className }: { children: ReactNode; className?: string }) {
  return <section className={`${styles.card} ${className ?? ""}`}>{children}</section>;
}

const icons = { info: "i", error: "!", warning: "!", success: "✓" } as const;

/** A message box; errors are `role="alert"` so they are read out when they appear. */
export function Alert({
  tone = "info",
  children,
  live = tone === "error",
}: {
  tone?: "info" | "error" | "warning" | "success";
  children: ReactNode;
  live?: boolean;
}) {
  return (
    <div
      className={`${styles.alert} ${styles[tone]}`}
      // Problems interrupt; news (a success, a note) waits its turn.
      role={live ? (tone === "error" || tone === "warning" ? "alert" : "status") : undefined}
    >
      <span className={styles.icon} aria-hidden="true">
        {icons[tone]}
      </span>
      <div>{children}</div>
    </div>
  );
}

export function Badge({ children, tone }: { children: ReactNode; tone?: string }) {
  return (
    <span className={`${styles.badge} ${tone ? (styles[`badge-${tone}`] ?? "") : ""}`}>
      {children}
    </span>
  );
}

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className={styles.pageHeader}>
      <div>
        <h1>{title}</h1>
        {description ? <p>{description}</p> : null}
      </div>
      {actions}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className={styles.empty}>
      <h2>{title}</h2>
      {children}
    </div>
  );
}

/** A failed read: what went wrong and a retry. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <Alert tone="error">
      <p>{describeError(error)}</p>
      {onRetry ? (
        <p style={{ marginTop: "0.5rem" }}>
          <Button variant="secondary" size="small" onClick={onRetry}>
            Try again
          </Button>
        </p>
      ) : null}
    </Alert>
  );
}

/** Previous / next for cursor-paged lists. */
export function Pager({
  label,
  summary,
  onPrevious,
  onNext,
}: {
  label: string;
  summary?: ReactNode;
  onPrevious?: (() => void) | undefined;
  onNext?: (() => void) | undefined;
}) {
  if (!onPrevious && !onNext && !summary) return null;
  return (
    <nav className={styles.pager} aria-label={label}>
      <span>{summary}</span>
      <span className={styles.pagerButtons}>
        <Button variant="secondary" size="small" onClick={onPrevious} disabled={!onPrevious}>
          ← Previous
        </Button>
        <Button variant="secondary" size="small" onClick={onNext} disabled={!onNext}>
          Next →
        </Button>
      </span>
    </nav>
  );
}
