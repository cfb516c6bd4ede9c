import { type Query, useQueryClient } from "@tanstack/react-query";
import { useCallback, useSyncExternalStore } from "react";
import { Alert } from "./ui";

/** A read on screen whose last re-read failed: its old data is still shown. */
function isStale(query: Query): boolean {
  return (
    query.state.status === "error" &&
    query.state.data !== undefined &&
    query.getObserversCount() > 0
  );
}

/**
 * One small banner for the whole page while any read on screen could not be
 * refreshed: the page keeps its last data (and any form what was typed), the
 * reads keep polling, and "Try again" re-reads them at once.
 */
export function StaleBanner() {
  const queryClient = useQueryClient();
  const cache = queryClient.getQueryCache();
  const subscribe = useCallback((listener: () => void) => cache.subscribe(listener), [cache]);
  const summary = useSyncExternalStore(subscribe, () => {
    const stale = cache.getAll().filter(isStale);
    if (!stale.length) return "";
    return stale.some((query) => query.state.error instanceof TypeError) ? "offline" : "failed";
  });
  if (!summary) return null;
  return (
    <div data-testid="stale-banner" style={{ marginBottom: "0.75rem" }}>
      <Alert tone="warning" live={false}>
        {summary === "offline"
          ? "Can't reach the server: showing what was last loaded, and trying again. "
          : "Couldn't refresh this page: showing what was last loaded. "}
        <button
          type="button"
          onClick={() => void queryClient.refetchQueries({ predicate: isStale, type: "active" })}
        >
          Try again
        </button>
      </Alert>
    </div>
  );
}
