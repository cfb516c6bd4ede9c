import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { unwrap } from "../../api/errors";
import type { components, paths } from "../../api/schema";
import { api } from "../../api/sign-in";

export type Market = components["schemas"]["Market"];
export type MarketQuery = NonNullable<paths["/api/v1/markets"]["get"]["parameters"]["query"]>;

/** Odds move with the market sync. */
const marketPollMs = 30_000;

/** Reads of markets, with their cache keys (`markets` for lists, `market` for one). */
export const marketQueries = {
  list: (query: MarketQuery) =>
    queryOptions({
      queryKey: ["markets", query],
      queryFn: async () => unwrap(await api.GET("/api/v1/markets", { params: { query } })),
      placeholderData: keepPreviousData,
      refetchInterval: marketPollMs,
    }),
  one: (marketId: string) =>
    queryOptions({
      queryKey: ["market", marketId],
      queryFn: async () =>
        unwrap(await api.GET("/api/v1/markets/{marketId}", { params: { path: { marketId } } })),
      refetchInterval: marketPollMs,
    }),
  oddsHistory: (marketId: string) =>
    queryOptions({
      queryKey: ["market", marketId, "odds-history"],
      queryFn: async () =>
        unwrap(
          await api.GET("/api/v1/markets/{marketId}/odds-history", {
            params: { path: { marketId } },
          }),
        ),
      refetchInterval: marketPollMs,
    }),
};
