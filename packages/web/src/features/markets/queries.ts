import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { unwrap } from "../../api/errors";
import type { components, paths } from "../../api/schema";
import { api } from "../../api/sign-in";

export type Market = components["schemas"]["Market"];
export type MarketQuery = NonNullable<paths["/api/v1/markets"]["get"]["parameters"]["query"]>;
export type OddsRange = NonNullable<
  NonNullable<
    paths["/api/v1/markets/{marketId}/odds-history"]["get"]["parameters"]["query"]
  >["range"]
>;

/** Markets with open bets get fresh odds every 30 s (the rest at the sync's pace). */
export const oddsRefreshMs = 30_000;
/** Read a little after the refresh, so the poll finds it done. */
const afterRefreshMs = 2_000;

/**
 * When to read a market again: just after its next refresh is due (30 s after
 * `oddsUpdatedAt`), never sooner than 5 s nor later than 30 s. Without a time,
 * every 30 s. Polls stop in a background tab (`refetchIntervalInBackground`).
 */
export function nextOddsPollMs(oddsUpdatedAt: string | null | undefined, now = Date.now()): number {
  const at = oddsUpdatedAt ? Date.parse(oddsUpdatedAt) : Number.NaN;
  if (Number.isNaN(at)) return oddsRefreshMs;
  const sinceRefresh = (((now - at) % oddsRefreshMs) + oddsRefreshMs) % oddsRefreshMs;
  return Math.min(oddsRefreshMs, Math.max(5_000, oddsRefreshMs - sinceRefresh + afterRefreshMs));
}

const polling = { refetchInterval: oddsRefreshMs, refetchIntervalInBackground: false } as const;

/** Reads of markets, with their cache keys (`markets` for lists, `market` for one). */
export const marketQueries = {
  list: (query: MarketQuery) =>
    queryOptions({
      queryKey: ["markets", query],
      queryFn: async () => unwrap(await api.GET("/api/v1/markets", { params: { query } })),
      placeholderData: keepPreviousData,
      ...polling,
    }),
  one: (marketId: string) =>
    queryOptions({
      queryKey: ["market", marketId],
      queryFn: async () =>
        unwrap(await api.GET("/api/v1/markets/{marketId}", { params: { path: { marketId } } })),
      ...polling,
      refetchInterval: (query) => nextOddsPollMs(query.state.data?.oddsUpdatedAt),
    }),
  oddsHistory: (marketId: string, range: OddsRange) =>
    queryOptions({
      queryKey: ["market", marketId, "odds-history", range],
      queryFn: async () =>
        unwrap(
          await api.GET("/api/v1/markets/{marketId}/odds-history", {
            params: { path: { marketId }, query: { range } },
          }),
        ),
      placeholderData: keepPreviousData,
      ...polling,
    }),
};
