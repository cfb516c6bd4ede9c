import { randomUUID } from "node:crypto";
import type { CoreContext } from "../context";
import type { CreateMarketInput } from "../markets/create";
import type { MarketFields } from "../markets/save";
import { saveMarket } from "../markets/save";

/** The other side of `odds`, to the cent of a probability. */
const complement = (odds: number) => Math.round((1 - odds) * 100) / 100;

/**
 * An open, bettable Yes/No market far from expiry: `aMarket({ thisOdds: 0.4 })`.
 * Given only `thisOdds`, `thatOdds` is its complement.
 */
export function aMarket(overrides: Partial<MarketFields> = {}): MarketFields {
  // `null` odds are kept: a market without a price is a case tests need.
  const thisOdds = overrides.thisOdds === undefined ? 0.5 : overrides.thisOdds;
  return {
    title: "Will the test market resolve Yes?",
    description: "",
    category: "Testing",
    thisOption: "Yes",
    thatOption: "No",
    bettable: true,
    liquidity: 0,
    volume: 0,
    volume24h: 0,
    expiresAt: "2099-01-01T00:00:00.000Z",
    status: "open",
    ...overrides,
    thisOdds,
    thatOdds:
      overrides.thatOdds !== undefined
        ? overrides.thatOdds
        : thisOdds === null
          ? null
          : complement(thisOdds),
  };
}

/** Saves `aMarket(overrides)` as a credits market under a fresh id and returns the id. */
export async function anOpenMarket(
  ctx: CoreContext,
  overrides: Partial<MarketFields> = {},
  marketId = `m_${randomUUID()}`,
): Promise<string> {
  await saveMarket(ctx, marketId, "credits", aMarket(overrides));
  return marketId;
}

/** What an admin sends to create a market: `aNewMarket({ thisOdds: 0.8 })`. */
export function aNewMarket(overrides: Partial<CreateMarketInput> = {}): CreateMarketInput {
  const thisOdds = overrides.thisOdds ?? 0.5;
  return {
    title: "Will the test market resolve Yes?",
    description: "",
    thisOption: "Yes",
    thatOption: "No",
    expiresAt: "2099-01-01T00:00:00Z",
    ...overrides,
    thisOdds,
    thatOdds: overrides.thatOdds ?? complement(thisOdds),
  };
}
