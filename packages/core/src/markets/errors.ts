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

/** Only a resolved market has bets to settle (a restart of its settlement included). */
export class MarketNotResolved extends DomainError {
  constructor(marketId: string) {
    super("MARKET_NOT_RESOLVED", "This market is not resolved; there is nothing to settle", {
      marketId,
    });
  }
}

/** The market kept changing under a write that read it first; the caller may try again. */
export class MarketBusy extends DomainError {
  constructor(marketId: string, action: string) {
    super("MARKET_BUSY", `The market kept changing while it was ${action}; try again`, {
      marketId,
    });
  }
}
