import { type ApiHealth, useApiHealth } from "./useApiHealth";

const labels: Record<ApiHealth, string> = {
  checking: "Checking the API…",
  up: "API is up",
  down: "API is unreachable; retrying every 30 seconds",
};

/** One line saying whether the API answers; announced politely when it changes. */
export function ApiStatus() {
  const health = useApiHealth();
  return (
    <p className="api-status" data-health={health} role="status">
      <span className="api-status-dot" aria-hidden="true" />
      {labels[health]}
    </p>
  );
}
