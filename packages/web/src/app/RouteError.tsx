import { useQueryErrorResetBoundary } from "@tanstack/react-query";
import { type ErrorComponentProps, useRouter } from "@tanstack/react-router";
import { ErrorState } from "../components/ui";

/**
 * Every route's `errorComponent`: a screen that throws (a bug, or a read that
 * failed outside a `QueryBoundary`) shows what went wrong inside the shell, with
 * a retry that re-runs the route and its failed reads.
 */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  const queryReset = useQueryErrorResetBoundary();
  return (
    <ErrorState
      error={error}
      onRetry={() => {
        queryReset.reset();
        reset();
        void router.invalidate();
      }}
    />
  );
}
