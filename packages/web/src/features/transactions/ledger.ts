/** A readable name for each ledger entry type. */
export const transactionLabels: Record<TransactionType, string> = {
  signup_bonus: "Sign-up bonus",
  daily_reward: "Daily reward",
  bet_placed: "Bet placed",
  bet_payout: "Bet won",
  bet_refund: "Bet refunded",
  bet_cashout: "Bet cashed out",
  prediction_charge: "AI prediction",
  prediction_refund: "AI prediction refunded",
  admin_grant: "Credit grant",
  admin_adjustment: "Balance adjustment",
  migration_grant: "Migration credit",
  purchase: "Credits bought",
  purchase_refund: "Purchase refunded",
  transfer_out: "Credits sent",
  transfer_in: "Credits received",
  referral_bonus: "Referral bonus",
  expiration: "Credits expired",
};

/** Every ledger entry type, in the order the history's filter lists them. */
export const transactionTypes = Object.keys(transactionLabels) as TransactionType[];

/** What a ledger entry's `referenceId` points at. */
export function referenceKind(type: TransactionType): "bet" | "session" | null {
  if (
    type === "bet_placed" ||
    type === "bet_payout" ||
    type === "bet_refund" ||
    type === "bet_cashout"
  ) {
    return "bet";
  }
  if (type === "prediction_charge" || type === "prediction_refund") return "session";
  return null;
}

import type { TransactionType } from "./queries";
