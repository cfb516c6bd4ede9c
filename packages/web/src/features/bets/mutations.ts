import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError, unwrap } from "../../api/errors";
import type { MutationHandlers } from "../../api/mutation-handlers";
import { creditsMoved } from "../../api/queries";
import type { paths } from "../../api/schema";
import { api } from "../../api/sign-in";

export interface BetAttempt {
  /** The Idempotency-Key: the same bet sent again (double click, retry) is placed once. */
  key: string;
  side: "this" | "that";
  amount: number;
}
type BetPlaced = paths["/api/v1/bets"]["post"]["responses"][201]["content"]["application/json"];

/** Places a bet on `marketId`; the new balance shows at once, the market's odds are read again. */
export function usePlaceBet(marketId: string, handlers?: MutationHandlers<BetPlaced, BetAttempt>) {
  const queryClient = useQueryClient();
  return useMutation({
    ...handlers,
    mutationFn: async (bet: BetAttempt) =>
      unwrap(
        await api.POST("/api/v1/bets", {
          params: { header: { "idempotency-key": bet.key } },
          body: { marketId, side: bet.side, amount: bet.amount },
        }),
      ),
    onSuccess: (...args) => {
      creditsMoved(queryClient, args[0].newBalance);
      return handlers?.onSuccess?.(...args);
    },
    onError: (...args) => {
      // The balance we showed was out of date: show the real one.
      const error = args[0];
      if (error instanceof ApiError && error.code === "INSUFFICIENT_BALANCE")
        void queryClient.invalidateQueries({ queryKey: ["me"] });
      return handlers?.onError?.(...args);
    },
    onSettled: (...args) => {
      void queryClient.invalidateQueries({ queryKey: ["market", marketId] });
      return handlers?.onSettled?.(...args);
    },
  });
}
