import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ApiError } from "../api/errors";
import { ErrorState } from "./ui";

type Results = readonly UseQueryResult<unknown, Error>[];
type DataOf<Q extends Results> = { [K in keyof Q]: NonNullable<Q[K]["data"]> };

/**
 * The one place a screen's reads turn into loading and error states: `pending`
 * while any read is loading, `notFound` for a 404 (when given), the error with
 * a retry otherwise; `children` renders with every read's data. A list that
 * keeps its previous page while the next loads (`placeholderData`) stays on
 * screen, since its read already has data; so does a re-read that fails
 * (offline, a server blip): the shell's `StaleBanner` says so once per page.
 */
export function QueryBoundary<const Q extends Results>({
  queries,
  pending,
  notFound,
  children,
}: {
  queries: Q;
  pending: ReactNode;
  notFound?: ReactNode;
  children: (...data: DataOf<Q>) => ReactNode;
}): ReactNode {
  const failed = queries.find((query) => query.isError && query.data === undefined);
  if (failed) {
    if (notFound !== undefined && failed.error instanceof ApiError && failed.error.status === 404)
      return notFound;
    return <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />;
  }
  if (queries.some((query) => query.data === undefined)) return pending;
  return children(...(queries.map((query) => query.data) as DataOf<Q>));
}
