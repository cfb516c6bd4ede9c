import { useMutation, useQueryClient } from "@tanstack/react-query";
import { unwrap } from "../../api/errors";
import type { MutationHandlers } from "../../api/mutation-handlers";
import { creditsMoved } from "../../api/queries";
import type { paths } from "../../api/schema";
import { api } from "../../api/sign-in";

type RewardClaimed =
  paths["/api/v1/rewards/daily"]["post"]["responses"][201]["content"]["application/json"];

/** Claims the daily reward; the new balance shows at once, a refusal re-reads the profile. */
export function useClaimDailyReward(handlers?: MutationHandlers<RewardClaimed, void>) {
  const queryClient = useQueryClient();
  return useMutation({
    ...handlers,
    mutationFn: async () => unwrap(await api.POST("/api/v1/rewards/daily", {})),
    onSuccess: (...args) => {
      creditsMoved(queryClient, args[0].newBalance);
      return handlers?.onSuccess?.(...args);
    },
    onError: (...args) => {
      void queryClient.invalidateQueries({ queryKey: ["me"] });
      return handlers?.onError?.(...args);
    },
  });
}
