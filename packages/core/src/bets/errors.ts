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
