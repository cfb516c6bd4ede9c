import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { unwrap } from "../../api/errors";
import type { components, paths } from "../../api/schema";
import { api } from "../../api/sign-in";

export type AdminUser = components["schemas"]["AdminUser"];
export type AuditEvent = components["schemas"]["AuditEvent"];
export type SettlementProgress = components["schemas"]["SettlementProgress"];
export type CreditDay =
  paths["/api/v1/admin/analytics/credits"]["get"]["responses"][200]["content"]["application/json"]["days"][number];
export type AdminUserQuery = NonNullable<
  paths["/api/v1/admin/users"]["get"]["parameters"]["query"]
>;
export type AdminLedgerQuery = NonNullable<
  paths["/api/v1/admin/users/{userId}/ledger"]["get"]["parameters"]["query"]
>;

/** How often a running settlement is re-read. */
const settlementPollMs = 1_000;

/** The admin console's reads, all under the `admin` key. */
export const adminQueries = {
  settlement: (marketId: string) =>
    queryOptions({
      queryKey: ["admin", "settlement", marketId],
      queryFn: async () =>
        unwrap(
          await api.GET("/api/v1/admin/markets/{marketId}/settlement", {
            params: { path: { marketId } },
          }),
        ),
      // Poll while a settlement is under way; a done (or never started) one stays put.
      refetchInterval: (query) => {
        const state = query.state.data?.settlement;
        return state === "pending" || state === "running" ? settlementPollMs : false;
      },
    }),
  users: (query: AdminUserQuery) =>
    queryOptions({
      queryKey: ["admin", "users", query],
      queryFn: async () => unwrap(await api.GET("/api/v1/admin/users", { params: { query } })),
      placeholderData: keepPreviousData,
    }),
  user: (userId: string) =>
    queryOptions({
      queryKey: ["admin", "user", userId],
      queryFn: async () =>
        unwrap(await api.GET("/api/v1/admin/users/{userId}", { params: { path: { userId } } })),
    }),
  ledger: (userId: string, query: AdminLedgerQuery) =>
    queryOptions({
      queryKey: ["admin", "user", userId, "ledger", query],
      queryFn: async () =>
        unwrap(
          await api.GET("/api/v1/admin/users/{userId}/ledger", {
            params: { path: { userId }, query },
          }),
        ),
      placeholderData: keepPreviousData,
    }),
  audit: (userId: string) =>
    queryOptions({
      queryKey: ["admin", "user", userId, "audit"],
      queryFn: async () =>
        unwrap(await api.GET("/api/v1/admin/audit", { params: { query: { userId, limit: 20 } } })),
    }),
  creditAnalytics: (days: number) =>
    queryOptions({
      queryKey: ["admin", "analytics", "credits", days],
      queryFn: async () =>
        unwrap(await api.GET("/api/v1/admin/analytics/credits", { params: { query: { days } } }))
          .days,
    }),
  predictionAnalytics: (days: number) =>
    queryOptions({
      queryKey: ["admin", "analytics", "predictions", days],
      queryFn: async () =>
        unwrap(
          await api.GET("/api/v1/admin/analytics/predictions", { params: { query: { days } } }),
        ),
    }),
};
