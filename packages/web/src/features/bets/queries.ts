import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { unwrap } from "../../api/errors";
import type { components, paths } from "../../api/schema";
import { api } from "../../api/sign-in";

export type Bet = components["schemas"]["Bet"];
export type Position = components["schemas"]["Position"];
export type Portfolio = components["schemas"]["Portfolio"];
export type PublicPortfolio = components["schemas"]["PublicPortfolio"];
export type PortfolioPoint = components["schemas"]["PortfolioPoint"];
export type PortfolioRange = Portfolio["range"];
export type BetQuery = NonNullable<paths["/api/v1/bets/me"]["get"]["parameters"]["query"]>;

/** The signed-in user's bets, all under the `bets` key (a credit movement refetches them). */
export const betQueries = {
  mine: (query: BetQuery) =>
    queryOptions({
      queryKey: ["bets", query],
      queryFn: async () => unwrap(await api.GET("/api/v1/bets/me", { params: { query } })),
      placeholderData: keepPreviousData,
    }),
  /**
   * Under `bets` too: a bet, a cash-out or a settlement changes it. Another
   * range keeps the previous answer on screen while it loads.
   */
  portfolio: (range: PortfolioRange = "1w") =>
    queryOptions({
      queryKey: ["bets", "portfolio", range],
      queryFn: async () =>
        unwrap(await api.GET("/api/v1/users/me/portfolio", { params: { query: { range } } })),
      placeholderData: keepPreviousData,
    }),
  /** Someone's open positions, as their public profile shows them. */
  userPortfolio: (userId: string) =>
    queryOptions({
      queryKey: ["user", userId, "portfolio"],
      queryFn: async () =>
        unwrap(await api.GET("/api/v1/users/{userId}/portfolio", { params: { path: { userId } } })),
    }),
  one: (betId: string) =>
    queryOptions({
      queryKey: ["bets", "one", betId],
      queryFn: async () =>
        unwrap(await api.GET("/api/v1/bets/{betId}", { params: { path: { betId } } })),
    }),
};
