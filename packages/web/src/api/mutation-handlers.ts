import type { UseMutationOptions } from "@tanstack/react-query";

/**
 * What a screen adds to a feature's write: its own reactions (reset the form,
 * toast, navigate). The feature's hook keeps the API call and the cache work,
 * and runs these after its own.
 */
export type MutationHandlers<TData, TVariables> = Pick<
  UseMutationOptions<TData, Error, TVariables>,
  "onSuccess" | "onError" | "onSettled"
>;
