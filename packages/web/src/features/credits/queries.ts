import { queryOptions } from "@tanstack/react-query";
import { unwrap } from "../../api/errors";
import type { components } from "../../api/schema";
import { api } from "../../api/sign-in";

export type CreditPackage = components["schemas"]["CreditPackage"];
export type Purchase = components["schemas"]["Purchase"];
export type CreditFlowWeek = components["schemas"]["CreditFlowWeek"];

export const creditQueries = {
  packages: () =>
    queryOptions({
      queryKey: ["credits", "packages"],
      queryFn: async () => unwrap(await api.GET("/api/v1/credits/packages")),
      staleTime: 60_000,
    }),
  /** My purchases; `pollMs` while waiting for a webhook's grant. */
  purchases: (pollMs?: number) =>
    queryOptions({
      queryKey: ["credits", "purchases"],
      queryFn: async () => unwrap(await api.GET("/api/v1/credits/purchases")),
      ...(pollMs ? { refetchInterval: pollMs } : {}),
    }),
  /**
   * Where my credits went, per week, under the `transactions` key so a credit
   * movement (`creditsMoved`) refreshes it with the list.
   */
  flows: (weeks: number) =>
    queryOptions({
      queryKey: ["transactions", "flows", weeks],
      queryFn: async () =>
        unwrap(await api.GET("/api/v1/users/me/credit-flows", { params: { query: { weeks } } })),
    }),
};
