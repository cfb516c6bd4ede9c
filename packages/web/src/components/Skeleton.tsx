import styles from "./Skeleton.module.css";

/** A placeholder block while data loads; static under `prefers-reduced-motion`. */
export function Skeleton({
  width = "100%",
  height = "1rem",
  className,
}: {
  width?: string;
  height?: string;
  className?: string;
}) {
  return (
    <span
      className={`${styles.skeleton} ${className ?? ""}`}
      style={{ width, height }}
      aria-hidden="true"
    />
  );
}

/** Several lines of skeleton with a screen-reader label for the whole. */
export function SkeletonBlock({
  lines = 3,
  label = "Loading",
}: {
  lines?: number;
  label?: string;
}) {
  return (
    <div role="status" aria-label={label} style={{ display: "grid", gap: "0.625rem" }}>
      {Array.from({ length: lines }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
        <Skeleton key={i} width={i === lines - 1 ? "60%" : "100%"} />
      ))}
    </div>
  );
}
