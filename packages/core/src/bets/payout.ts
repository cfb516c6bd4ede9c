import { fromCents, toCents } from "../money";

/**
 * What a bet pays if its side wins: `amount / odds`, rounded to the cent. The
 * API records it on the bet; the web app shows the same number before placing.
 */
export function potentialPayout(amount: number, odds: number): number {
  return fromCents(Math.round(toCents(amount) / odds));
}
