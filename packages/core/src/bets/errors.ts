import { DomainError } from "../errors";

export class InvalidBetAmount extends DomainError {
  constructor(reason: string, details: Record<string, unknown>) {
    super("INVALID_BET_AMOUNT", `Invalid bet amount: ${reason}`, details);
  }
}

/** Unknown bet, or someone else's: the same answer, so ids reveal nothing. */
export class BetNotFound extends DomainError {
  constructor(betId: string) {
    super("BET_NOT_FOUND", "Bet not found", { betId });
  }
}

/** A cash-out of a bet that is no longer pending (settled, or cashed out already). */
export class BetNotPending extends DomainError {
  constructor(betId: string, status: string) {
    super("BET_NOT_PENDING", `This bet is ${status}, not pending: it cannot be cashed out`, {
      betId,
      status,
    });
  }
}

/**
 * A cash-out quote past its expiry, moved odds since, or not one of ours:
 * `details.quote` is a fresh quote to accept instead (absent when none can be given).
 */
export class QuoteExpired extends DomainError {
  constructor(reason: string, quote: unknown) {
    super("QUOTE_EXPIRED", `The cash-out quote no longer holds: ${reason}`, { reason, quote });
  }
}

/** A mirrored market whose odds the sync has not confirmed recently enough to cash out against. */
export class OddsStale extends DomainError {
  constructor(marketId: string, oddsAt: string, maxAgeSeconds: number) {
    super("ODDS_STALE", "This market's odds are too old to cash out against; try again later", {
      marketId,
      oddsAt,
      maxAgeSeconds,
    });
  }
}

/**
 * A position worth less than a cent once the cash-out fee is taken: there is
 * nothing to pay, so no quote is given (rather than one a cash-out would refuse).
 */
export class NothingToCashOut extends DomainError {
  constructor(betId: string, value: number, fee: number) {
    super(
      "NOTHING_TO_CASH_OUT",
      "This position is worth less than a credit cent after the cash-out fee: it cannot be cashed out",
      { betId, value, fee },
    );
  }
}

/**
 * The odds a bet was sent with (`expectedOdds`, what the user saw) are no longer
 * today's: `details.odds` is today's price of the side, to show and place again.
 */
export class OddsChanged extends DomainError {
  constructor(details: {
    marketId: string;
    side: "this" | "that";
    expectedOdds: number;
    odds: number;
    slippage: number;
  }) {
    super(
      "ODDS_CHANGED",
      `The odds moved from ${details.expectedOdds} to ${details.odds}; nothing was placed`,
      details,
    );
  }
}
