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
  /** The side's odds the form showed; moved further than the slippage, the bet is refused. */
  expectedOdds?: number | undefined;
}
type BetPlaced = paths["/api/v1/bets"]["post"]["responses"][201]["content"]["application/json"];

/**
 * Places a bet on `marketId`; the new balance shows at once, the market's odds
 * are read again (after `ODDS_CHANGED` too, so the form shows the new price).
 */
export function usePlaceBet(marketId: string, handlers?: MutationHandlers<BetPlaced, BetAttempt>) {
  const queryClient = useQueryClient();
  return useMutation({
    ...handlers,
    mutationFn: async (bet: BetAttempt) =>
      unwrap(
        await api.POST("/api/v1/bets", {
          params: { header: { "idempotency-key": bet.key } },
          body: {
            marketId,
            side: bet.side,
            amount: bet.amount,
            ...(bet.expectedOdds === undefined ? {} : { expectedOdds: bet.expectedOdds }),
          },
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

export type CashoutQuote =
  paths["/api/v1/bets/{betId}/cashout"]["get"]["responses"][200]["content"]["application/json"];
type CashedOut =
  paths["/api/v1/bets/{betId}/cashout"]["post"]["responses"][200]["content"]["application/json"];

/** Asks for a quote to cash `betId` out at today's odds (valid for a few seconds). */
export function useCashoutQuote(betId: string) {
  return useMutation({
    mutationFn: async (): Promise<CashoutQuote> =>
      unwrap(await api.GET("/api/v1/bets/{betId}/cashout", { params: { path: { betId } } })),
  });
}

/**
 * Accepts a quote: the balance in the header shows the credit at once, the bet
 * and the ledger are read again. An expired quote's error carries a fresh one
 * (`details.quote`), which `onError` may offer instead.
 */
export function useCashOut(betId: string, handlers?: MutationHandlers<CashedOut, string>) {
  const queryClient = useQueryClient();
  return useMutation({
    ...handlers,
    mutationFn: async (quoteId: string) =>
      unwrap(
        await api.POST("/api/v1/bets/{betId}/cashout", {
          params: { path: { betId } },
          body: { quoteId },
        }),
      ),
    onSuccess: (...args) => {
      creditsMoved(queryClient, args[0].newBalance);
      return handlers?.onSuccess?.(...args);
    },
    onSettled: (...args) => {
      void queryClient.invalidateQueries({ queryKey: ["bets"] });
      return handlers?.onSettled?.(...args);
    },
  });
}

/** The fresh quote a `QUOTE_EXPIRED` refusal carries, if it is one. */
export function freshQuoteOf(error: unknown): CashoutQuote | null {
  if (!(error instanceof ApiError) || error.code !== "QUOTE_EXPIRED") return null;
  const quote = error.details.quote as CashoutQuote | undefined;
  return quote?.quoteId ? quote : null;
}
