import type { CoreContext } from "../context";
import type { MarketItem } from "../entities/market";
import { ValidationFailed } from "../errors";
import { getMarket } from "./market";
import { saveMarket } from "./save";

export interface CreateMarketInput {
  title: string;
  description: string;
  thisOption: string;
  thatOption: string;
  thisOdds: number;
  thatOdds: number;
  category?: string | undefined;
  expiresAt: string;
}

/** An admin's own market (`credits` type), open for bets until `expiresAt`. */
export async function createMarket(
  ctx: CoreContext,
  input: CreateMarketInput,
): Promise<MarketItem> {
  const fields: Record<string, string> = {};
  for (const side of ["thisOdds", "thatOdds"] as const) {
    const odds = input[side];
    if (!(odds > 0 && odds < 1)) fields[side] = "must be between 0 and 1 (exclusive)";
  }
  const tolerance = ctx.config.MARKET_ODDS_SUM_TOLERANCE;
  if (!fields.thisOdds && !fields.thatOdds) {
    // Odds are prices of the two sides: 0.01 / 0.01 would pay 100x on either (docs/product-rules.md).
    const sum = input.thisOdds + input.thatOdds;
    if (Math.abs(sum - 1) > tolerance + 1e-12) {
      fields.thatOdds = `thisOdds + thatOdds must be 1 (within ${tolerance}); it is ${sum}`;
    }
  }
  if (!(Date.parse(input.expiresAt) > ctx.clock().getTime())) {
    fields.expiresAt = "must be a date in the future";
  }
  if (input.thisOption.trim().toLowerCase() === input.thatOption.trim().toLowerCase()) {
    fields.thatOption = "must differ from thisOption";
  }
  if (Object.keys(fields).length > 0) throw new ValidationFailed("Invalid market", fields);

  const marketId = ctx.newId();
  await saveMarket(ctx, marketId, "credits", {
    title: input.title.trim(),
    description: input.description,
    category: input.category?.trim() || null,
    thisOption: input.thisOption.trim(),
    thatOption: input.thatOption.trim(),
    thisOdds: round4(input.thisOdds),
    thatOdds: round4(input.thatOdds),
    bettable: true,
    liquidity: 0,
    volume: 0,
    volume24h: 0,
    expiresAt: new Date(input.expiresAt).toISOString(),
    status: "open",
  });
  return getMarket(ctx, marketId);
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
