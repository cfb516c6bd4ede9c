import { useMutation, useQueryClient } from "@tanstack/react-query";
import { unwrap } from "../../api/errors";
import type { MutationHandlers } from "../../api/mutation-handlers";
import type { components, paths } from "../../api/schema";
import { api } from "../../api/sign-in";
import type { Market } from "../markets/queries";

export type Resolution = "this" | "that" | "invalid";
export type NewMarket =
  paths["/api/v1/admin/markets"]["post"]["requestBody"]["content"]["application/json"];
export type AdminUserChange =
  paths["/api/v1/admin/users/{userId}"]["patch"]["requestBody"]["content"]["application/json"];
export type CreditMovement = Omit<
  paths["/api/v1/admin/credits"]["post"]["requestBody"]["content"]["application/json"],
  "userId"
> & {
  /** The Idempotency-Key: the same movement sent again never moves twice. */
  key: string;
};
type AdminUser = components["schemas"]["AdminUser"];

/** The admin console's writes; each refetches what it changes. */

export function useCreateMarket(handlers?: MutationHandlers<Market, NewMarket>) {
  const queryClient = useQueryClient();
  return useMutation({
    ...handlers,
    mutationFn: async (body: NewMarket) =>
      unwrap(await api.POST("/api/v1/admin/markets", { body })),
    onSuccess: (...args) => {
      void queryClient.invalidateQueries({ queryKey: ["markets"] });
      return handlers?.onSuccess?.(...args);
    },
  });
}

export function useResolveMarket(
  marketId: string,
  handlers?: MutationHandlers<unknown, Resolution>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    ...handlers,
    mutationFn: async (resolution: Resolution) =>
      unwrap(
        await api.POST("/api/v1/admin/markets/{marketId}/resolve", {
          params: { path: { marketId } },
          body: { resolution },
        }),
      ),
    onSuccess: (...args) => {
      void queryClient.invalidateQueries({ queryKey: ["markets"] });
      void queryClient.invalidateQueries({ queryKey: ["market", marketId] });
      void queryClient.invalidateQueries({ queryKey: ["admin", "settlement", marketId] });
      return handlers?.onSuccess?.(...args);
    },
  });
}

/** Starts a market's settlement again (it only settles bets still pending). */
export function useRestartSettlement(marketId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST("/api/v1/admin/markets/{marketId}/settle", {
          params: { path: { marketId } },
        }),
      ),
    onSuccess: () =>
      void queryClient.invalidateQueries({ queryKey: ["admin", "settlement", marketId] }),
  });
}

export function useChangeUser(
  userId: string,
  handlers?: MutationHandlers<AdminUser, AdminUserChange>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    ...handlers,
    mutationFn: async (body: AdminUserChange) =>
      unwrap(
        await api.PATCH("/api/v1/admin/users/{userId}", { params: { path: { userId } }, body }),
      ),
    onSuccess: (...args) => {
      void queryClient.invalidateQueries({ queryKey: ["admin", "user", userId] });
      return handlers?.onSuccess?.(...args);
    },
  });
}

type CreditsMoved =
  paths["/api/v1/admin/credits"]["post"]["responses"][201]["content"]["application/json"];

/** Grants or adjusts a user's credits, with a reason (audited). */
export function useMoveCredits(
  userId: string,
  handlers?: MutationHandlers<CreditsMoved, CreditMovement>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    ...handlers,
    mutationFn: async ({ key, ...movement }: CreditMovement) =>
      unwrap(
        await api.POST("/api/v1/admin/credits", {
          params: { header: { "idempotency-key": key } },
          body: { userId, ...movement },
        }),
      ),
    onSuccess: (...args) => {
      void queryClient.invalidateQueries({ queryKey: ["admin", "user", userId] });
      // An admin may move their own credits: the header shows the balance too.
      void queryClient.invalidateQueries({ queryKey: ["me"] });
      return handlers?.onSuccess?.(...args);
    },
  });
}

/** The background jobs an admin can run now, each answering its report. */
const adminJobs: Record<AdminJob, () => Promise<unknown>> = {
  "market-sync": async () => unwrap(await api.POST("/api/v1/admin/jobs/market-sync")),
  "resolution-poll": async () => unwrap(await api.POST("/api/v1/admin/jobs/resolution-poll")),
  ranking: async () => unwrap(await api.POST("/api/v1/admin/jobs/ranking")),
  reconcile: async () => unwrap(await api.POST("/api/v1/admin/jobs/reconcile")),
  "session-sweep": async () => unwrap(await api.POST("/api/v1/admin/jobs/session-sweep")),
};
export type AdminJob =
  | "market-sync"
  | "resolution-poll"
  | "ranking"
  | "reconcile"
  | "session-sweep";

export function useRunJob(job: AdminJob) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: adminJobs[job],
    // A job may change markets, balances or ranks: read them again.
    onSuccess: () => void queryClient.invalidateQueries(),
  });
}
