import { useMutation, useQueryClient } from "@tanstack/react-query";
import { unwrap } from "../../api/errors";
import { creditsMoved } from "../../api/queries";
import { api } from "../../api/sign-in";

/** Opens a Stripe Checkout page for the package and sends the browser there. */
export function useCheckout() {
  return useMutation({
    mutationFn: async (packageId: string) =>
      unwrap(await api.POST("/api/v1/credits/checkout", { body: { packageId } })),
    onSuccess: ({ url }) => {
      window.location.assign(url);
    },
  });
}

/** Sends credits to another user; the new balance shows at once. */
export function useSendCredits() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { toUsername: string; amount: number; note?: string }) =>
      unwrap(await api.POST("/api/v1/transfers", { body })),
    onSuccess: (sent) => creditsMoved(queryClient, sent.newBalance),
  });
}
