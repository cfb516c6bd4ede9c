import { type QueryClient, queryOptions } from "@tanstack/react-query";
import { unwrap } from "../../api/errors";
import { queries } from "../../api/queries";
import type { components, paths } from "../../api/schema";
import { api } from "../../api/sign-in";

export type PredictionModel = components["schemas"]["PredictionModel"];
export type PredictionSession = components["schemas"]["PredictionSession"];
export type ModelScore = components["schemas"]["ModelScore"];
export type SessionStatus = PredictionSession["status"];
export type SessionSummary =
  paths["/api/v1/predictions/sessions"]["get"]["responses"][200]["content"]["application/json"]["sessions"][number];
export type SessionQuery = NonNullable<
  paths["/api/v1/predictions/sessions"]["get"]["parameters"]["query"]
>;

/** A session that will not change any more: stop polling it. */
export function isDone(status: SessionStatus | undefined): boolean {
  return status === "finished" || status === "error";
}

/** Reads of Predict with AI, with their cache keys (all under `predictions`). */
export const predictionQueries = {
  models: () =>
    queryOptions({
      queryKey: ["predictions", "models"],
      queryFn: async () => unwrap(await api.GET("/api/v1/predictions/models")).models,
      staleTime: 5 * 60_000,
    }),
  scores: () =>
    queryOptions({
      queryKey: ["predictions", "scores"],
      queryFn: async () => unwrap(await api.GET("/api/v1/predictions/models/scores")).models,
      staleTime: 60_000,
    }),
  quota: () =>
    queryOptions({
      queryKey: ["predictions", "quota"],
      queryFn: async () => unwrap(await api.GET("/api/v1/predictions/quota")),
    }),
  recent: (query: SessionQuery) =>
    queryOptions({
      queryKey: ["predictions", "recent", query],
      queryFn: async () =>
        unwrap(await api.GET("/api/v1/predictions/sessions", { params: { query } })).sessions,
    }),
  /**
   * One session, re-read every `pollMs` (once known) until it is done. The read that finds
   * it done also re-reads the balance before answering, so a refund shows in
   * the header at the same moment as the alert that announces it.
   */
  session: (sessionId: string, pollMs: number | undefined, queryClient: QueryClient) =>
    queryOptions({
      queryKey: ["predictions", "session", sessionId],
      queryFn: async () => {
        const session = unwrap(
          await api.GET("/api/v1/predictions/sessions/{sessionId}", {
            params: { path: { sessionId } },
          }),
        );
        if (isDone(session.status)) await sessionEnded(queryClient);
        return session;
      },
      refetchInterval: (query) =>
        isDone(query.state.data?.status) || pollMs === undefined
          ? false
          : backedOff(query.state.dataUpdateCount, pollMs),
      // A finished session never changes: keep it.
      staleTime: (query) => (isDone(query.state.data?.status) ? Number.POSITIVE_INFINITY : 0),
    }),
};

/** The first re-read of a session comes this soon; each next one waits twice as long. */
const firstPollMs = 500;

/**
 * Polling backs off from fast to the API's interval (`sessionPollMs`, from
 * SESSION_POLL_SECONDS): local models finish in a second or two, so a session
 * that is already done shows as done at once, and a long one is not read more
 * often than the API asks.
 */
export function backedOff(reads: number, pollMs: number): number {
  return Math.min(pollMs, firstPollMs * 2 ** Math.max(0, reads - 1));
}

async function sessionEnded(queryClient: QueryClient): Promise<void> {
  await queryClient.fetchQuery({ ...queries.me(), staleTime: 0 }).catch(() => undefined);
  void queryClient.invalidateQueries({ queryKey: ["transactions"] });
  void queryClient.invalidateQueries({ queryKey: ["predictions", "recent"] });
}
