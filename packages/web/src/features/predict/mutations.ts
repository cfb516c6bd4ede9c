import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError, unwrap } from "../../api/errors";
import type { MutationHandlers } from "../../api/mutation-handlers";
import { creditsMoved } from "../../api/queries";
import { api } from "../../api/sign-in";

async function startSession(marketId: string, selectedModels: string[]) {
  return unwrap(
    await api.POST("/api/v1/predictions/sessions", {
      // A new key per click: a retried request of this click starts one session.
      params: { header: { "idempotency-key": crypto.randomUUID() } },
      body: { marketId, selectedModels },
    }),
  );
}
type PredictionStarted = Awaited<ReturnType<typeof startSession>>;

/**
 * Starts a prediction session on `marketId` with the picked models. The charge
 * shows in the balance at once; a refusal for credits or the hourly limit
 * re-reads the balance or the quota that caused it.
 */
export function useStartPrediction(
  marketId: string,
  handlers?: MutationHandlers<PredictionStarted, string[]>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    ...handlers,
    mutationFn: (selectedModels: string[]) => startSession(marketId, selectedModels),
    onSuccess: (...args) => {
      creditsMoved(queryClient, args[0].newBalance);
      void queryClient.invalidateQueries({ queryKey: ["predictions"] });
      return handlers?.onSuccess?.(...args);
    },
    onError: (...args) => {
      const error = args[0];
      if (error instanceof ApiError && error.code === "INSUFFICIENT_BALANCE")
        void queryClient.invalidateQueries({ queryKey: ["me"] });
      if (error instanceof ApiError && error.code === "RATE_LIMIT_EXCEEDED")
        void queryClient.invalidateQueries({ queryKey: ["predictions", "quota"] });
      return handlers?.onError?.(...args);
    },
  });
}
