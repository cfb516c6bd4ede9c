import { DomainError } from "../errors";

export class MarketNotFound extends DomainError {
  constructor(marketId: string) {
    super("MARKET_NOT_FOUND", "Market not found", { marketId });
  }
}

/** Closed, resolved, expired or without tradable odds: no bets. */
export class MarketClosed extends DomainError {
  constructor(marketId: string, reason: string) {
    super("MARKET_CLOSED", `This market is not accepting bets: ${reason}`, { marketId, reason });
  }
}

export class MarketAlreadyResolved extends DomainError {
  constructor(marketId: string, resolution: string | undefined) {
    super("MARKET_ALREADY_RESOLVED", "This market is already resolved", { marketId, resolution });
  }
}
