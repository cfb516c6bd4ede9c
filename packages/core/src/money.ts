import { InvalidAmount } from "./errors";

/**
 * Credits carry at most two decimals. Arithmetic happens in integer cents so a
 * long chain of entries never drifts (0.1 + 0.2 stays 0.3).
 */
export function toCents(credits: number): number {
  return Math.round(credits * 100);
}

export function fromCents(cents: number): number {
  return cents / 100;
}

/**
 * Checks a movement's size: a finite positive number with at most two decimals
 * and no larger than `max`. Returns it in cents.
 */
export function amountInCents(amount: unknown, max: number): number {
  if (typeof amount !== "number" || Number.isNaN(amount)) {
    throw new InvalidAmount("must be a number", amount);
  }
  if (!Number.isFinite(amount)) throw new InvalidAmount("must be finite", amount);
  if (amount <= 0) throw new InvalidAmount("must be greater than 0", amount);
  if (amount > max) throw new InvalidAmount(`must be at most ${max}`, amount);
  return exactCents(amount, () => new InvalidAmount("must have at most two decimals", amount));
}

/**
 * The whole number of cents `amount` is, with no tolerance: the number must be
 * exactly the double nearest to `cents / 100` (what JSON `10.25` parses to), so
 * `10.000000001` is refused rather than rounded. Throws `refuse()` otherwise.
 */
export function exactCents(amount: number, refuse: () => Error): number {
  const cents = Math.round(amount * 100);
  if (!Number.isSafeInteger(cents) || fromCents(cents) !== amount) throw refuse();
  return cents;
}
