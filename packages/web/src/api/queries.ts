import { type QueryClient, queryOptions } from "@tanstack/react-query";
import { unwrap } from "./errors";
import type { components } from "./schema";
import { api } from "./sign-in";

export type PublicConfig = components["schemas"]["PublicConfig"];

/** The balance moves under us (settlements, refunds): check now and then. */
const balancePollMs = 20_000;
/** Sooner while the header has no profile to show (a start-up the server did not answer). */
const missingProfilePollMs = 5_000;

/**
 * The reads every feature shares: the product's numbers (`/config`) and the
 * signed-in user. Each feature keeps its own in `features/<name>/queries.ts`.
 */
export const queries = {
  config: () =>
    queryOptions({
      queryKey: ["config"],
      queryFn: async () => unwrap(await api.GET("/api/v1/config")),
      staleTime: Number.POSITIVE_INFINITY,
    }),
  me: () =>
    queryOptions({
      queryKey: ["me"],
      queryFn: async () => unwrap(await api.GET("/api/v1/users/me")),
      refetchInterval: (query) =>
        query.state.data === undefined && query.state.status === "error"
          ? missingProfilePollMs
          : balancePollMs,
    }),
};

/**
 * After anything that moves credits: show the new balance at once, then
 * refetch what depends on it (the profile, the ledger, bets).
 */
export function creditsMoved(queryClient: QueryClient, newBalance?: number): void {
  if (newBalance !== undefined) {
    queryClient.setQueryData(queries.me().queryKey, (me) =>
      me ? { ...me, creditBalance: newBalance } : me,
    );
  }
  void queryClient.invalidateQueries({ queryKey: ["me"] });
  void queryClient.invalidateQueries({ queryKey: ["transactions"] });
  void queryClient.invalidateQueries({ queryKey: ["bets"] });
}
