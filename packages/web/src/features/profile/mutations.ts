import { useMutation, useQueryClient } from "@tanstack/react-query";
import { unwrap } from "../../api/errors";
import type { MutationHandlers } from "../../api/mutation-handlers";
import { creditsMoved, queries } from "../../api/queries";
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

type PreferencesSaved =
  paths["/api/v1/users/me/preferences"]["put"]["responses"][200]["content"]["application/json"];

/**
 * Turns payout emails on or off. The box shows the new state at once; the
 * server's answer replaces it, and a refusal puts the old one back.
 */
export function useSetEmailPayouts(handlers?: MutationHandlers<PreferencesSaved, boolean>) {
  const queryClient = useQueryClient();
  const key = queries.me().queryKey;
  return useMutation({
    ...handlers,
    mutationFn: async (emailPayouts: boolean) =>
      unwrap(await api.PUT("/api/v1/users/me/preferences", { body: { emailPayouts } })),
    onMutate: async (emailPayouts) => {
      // A profile re-read in flight must not overwrite the box with the old value.
      await queryClient.cancelQueries({ queryKey: key });
      queryClient.setQueryData(key, (me) => (me ? { ...me, emailPayouts } : me));
    },
    onSuccess: (...args) => {
      queryClient.setQueryData(key, args[0].user);
      return handlers?.onSuccess?.(...args);
    },
    onError: (...args) => {
      queryClient.setQueryData(key, (me) => (me ? { ...me, emailPayouts: !args[1] } : me));
      void queryClient.invalidateQueries({ queryKey: key });
      return handlers?.onError?.(...args);
    },
  });
}
