import { fromCents, toCents } from "../money";

/**
 * What a bet pays if its side wins: `amount / odds`, rounded to the cent
 * (docs/product-rules.md#bets). Placement records it on the bet as
 * `potentialPayout`; the web app shows the same number before placing.
 */
export function payoutFor(amount: number, odds: number): number {
  return fromCents(Math.round(toCents(amount) / odds));
}

/**
 * What a bet of `amount` at `odds` would gain if its side wins: its payout
 * minus its stake, in exact cents. The web app shows it before placing.
 */
export function profitIfWon(amount: number, odds: number): number {
  return fromCents(toCents(payoutFor(amount, odds)) - toCents(amount));
}

/**
 * The realised profit or loss of a settled bet: what it credited back minus its
 * stake, in exact cents. Won: the payout credited (up to the balance cap) minus
 * the stake; lost: minus the stake; refunded (invalid market): zero.
 */
export function settledPnL(stake: number, credited: number): number {
  return fromCents(toCents(credited) - toCents(stake));
}
