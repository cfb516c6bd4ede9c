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

/**
 * What a pending bet is worth at today's odds: its potential payout times the
 * current probability of its side, rounded to the cent
 * (docs/product-rules.md#bets). A bet on a side now at 0.6 that pays 500 if it
 * wins is worth 300 now.
 */
export function currentValue(potentialPayout: number, currentOdds: number): number {
  return fromCents(Math.round(toCents(potentialPayout) * currentOdds));
}

/** A pending bet's profit or loss if it were valued now: its current value minus its stake. */
export function unrealizedPnL(stake: number, value: number): number {
  return fromCents(toCents(value) - toCents(stake));
}

/**
 * What cashing a pending bet out pays: its current value less the cash-out fee
 * (`CASHOUT_FEE`, a fraction), rounded down to the cent so the fee is never
 * less than asked. Never negative.
 */
export function cashoutAmountFor(value: number, fee: number): number {
  return fromCents(Math.max(0, Math.floor(toCents(value) * (1 - fee) + 1e-9)));
}
