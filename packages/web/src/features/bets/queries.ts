import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { unwrap } from "../../api/errors";
import type { components, paths } from "../../api/schema";
import { api } from "../../api/sign-in";

export type Bet = components["schemas"]["Bet"];
export type BetQuery = NonNullable<paths["/api/v1/bets/me"]["get"]["parameters"]["query"]>;

/** The signed-in user's bets, all under the `bets` key (a credit movement refetches them). */
export const betQueries = {
  mine: (query: BetQuery) =>
    queryOptions({
      queryKey: ["bets", query],
      queryFn: async () => unwrap(await api.GET("/api/v1/bets/me", { params: { query } })),
      placeholderData: keepPreviousData,
    }),
  one: (betId: string) =>
    queryOptions({
      queryKey: ["bets", "one", betId],
      queryFn: async () =>
        unwrap(await api.GET("/api/v1/bets/{betId}", { params: { path: { betId } } })),
    }),
};
