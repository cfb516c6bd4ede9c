import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { unwrap } from "../../api/errors";
import type { components, paths } from "../../api/schema";
import { api } from "../../api/sign-in";

export type Transaction = components["schemas"]["Transaction"];
export type TransactionType = Transaction["transactionType"];
export type TransactionQuery = NonNullable<
  paths["/api/v1/transactions/me"]["get"]["parameters"]["query"]
>;

/** The signed-in user's ledger, under the `transactions` key. */
export const transactionQueries = {
  mine: (query: TransactionQuery) =>
    queryOptions({
      queryKey: ["transactions", query],
      queryFn: async () => unwrap(await api.GET("/api/v1/transactions/me", { params: { query } })),
      placeholderData: keepPreviousData,
    }),
};
