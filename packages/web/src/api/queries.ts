import { keepPreviousData, type QueryClient, queryOptions } from "@tanstack/react-query";
import { unwrap } from "./errors";
import type { components, paths } from "./schema";
import { api } from "./sign-in";

export type Market = components["schemas"]["Market"];
export type Bet = components["schemas"]["Bet"];
export type Transaction = components["schemas"]["Transaction"];
export type PublicConfig = components["schemas"]["PublicConfig"];
export type MarketQuery = NonNullable<paths["/api/v1/markets"]["get"]["parameters"]["query"]>;
export type BetQuery = NonNullable<paths["/api/v1/bets/me"]["get"]["parameters"]["query"]>;
export type TransactionQuery = NonNullable<
  paths["/api/v1/transactions/me"]["get"]["parameters"]["query"]
>;
export type TransactionType = Transaction["transactionType"];
export type LeaderboardRow = components["schemas"]["LeaderboardRow"];
export type LeaderboardBoard = "pnl" | "volume";
export type LeaderboardQuery = NonNullable<
  paths["/api/v1/leaderboard/pnl"]["get"]["parameters"]["query"]
>;

/** The balance moves under us (settlements, refunds): check now and then. */
const balancePollMs = 20_000;
/** Odds move with the market sync. */
const marketPollMs = 30_000;

/** Every server read of the app, with its cache key. */
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
      refetchInterval: balancePollMs,
    }),
  user: (userId: string) =>
    queryOptions({
      queryKey: ["user", userId],
      queryFn: async () =>
        unwrap(await api.GET("/api/v1/users/{userId}", { params: { path: { userId } } })),
    }),
  markets: (query: MarketQuery) =>
    queryOptions({
      queryKey: ["markets", query],
      queryFn: async () => unwrap(await api.GET("/api/v1/markets", { params: { query } })),
      placeholderData: keepPreviousData,
      refetchInterval: marketPollMs,
    }),
  market: (marketId: string) =>
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
  myBets: (query: BetQuery) =>
    queryOptions({
      queryKey: ["bets", query],
      queryFn: async () => unwrap(await api.GET("/api/v1/bets/me", { params: { query } })),
      placeholderData: keepPreviousData,
    }),
  leaderboard: (board: LeaderboardBoard, query: LeaderboardQuery) =>
    queryOptions({
      queryKey: ["leaderboard", board, query],
      queryFn: async () =>
        unwrap(
          board === "pnl"
            ? await api.GET("/api/v1/leaderboard/pnl", { params: { query } })
            : await api.GET("/api/v1/leaderboard/volume", { params: { query } }),
        ),
      placeholderData: keepPreviousData,
    }),
  transactions: (query: TransactionQuery) =>
    queryOptions({
      queryKey: ["transactions", query],
      queryFn: async () => unwrap(await api.GET("/api/v1/transactions/me", { params: { query } })),
      placeholderData: keepPreviousData,
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
