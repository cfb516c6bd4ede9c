import type { z } from "zod";
import type { Resolution } from "../entities/market";
import type { MarketTerms } from "../markets/market";
import { type GammaMarket, gammaMarketSchema } from "./gamma-schema";

/**
 * What Polymarket says about the result. `final` only when the market is closed, the
 * oracle has resolved it and the prices are exact; `needs_review` when the data can
 * never settle it on its own and a person must decide.
 */
export type PolymarketResult =
  | { state: "final"; resolution: Resolution }
  | { state: "pending" }
  | { state: "needs_review"; reason: string };

/**
 * A Polymarket market in our own terms, ready to upsert (by `externalId`). The
 * category is trimmed (null when blank); odds are rounded to 4 decimals; `bettable`
 * means prices present, both odds in (0, 1), not closed, and Polymarket itself
 * takes orders.
 */
export interface ImportedMarket extends MarketTerms {
  /** Gamma id, a string of digits. */
  externalId: string;
  conditionId: string | null;
  /** The CLOB token of the `this` side (its price history), null when Gamma has none. */
  thisTokenId: string | null;
  closed: boolean;
  /** When trading closed (`closedTime`), ISO 8601; null while open or when unknown. */
  closedAt: string | null;
  result: PolymarketResult;
  /** Gamma's `updatedAt`, to ignore an older copy of a market seen again on a later page. */
  sourceUpdatedAt: string | null;
}

export type SkipReason = "not_binary" | "invalid_record";

export type MappingResult =
  | { kind: "market"; market: ImportedMarket }
  | { kind: "skipped"; reason: SkipReason; externalId: string | null; detail: string };

/**
 * Maps one raw Gamma `/markets` item to a market, or says why it was skipped.
 * Pure, and never throws: a record that fails validation is `invalid_record`, one
 * with more than two outcomes is `not_binary`.
 *
 * Sides: in a Yes/No market `this` is "Yes" whatever the order Gamma lists them in;
 * otherwise `this` is the first outcome. Each answer of a multi-answer (negRisk)
 * event is its own Yes/No market on Gamma and is imported as such.
 */
export function mapGammaMarket(raw: unknown): MappingResult {
  try {
    const parsed = gammaMarketSchema.safeParse(raw);
    if (!parsed.success) {
      return skipped("invalid_record", readableId(raw), describeIssues(parsed.error));
    }
    return mapValidMarket(parsed.data);
  } catch (error) {
    // Belt and braces for the sync job: a mapping bug must cost one record, not the run.
    const message = error instanceof Error ? error.message : String(error);
    return skipped("invalid_record", readableId(raw), `unexpected error: ${message}`);
  }
}

/** Maps a whole page; the sync job counts the skipped ones. */
export function mapGammaPage(items: readonly unknown[]): {
  markets: ImportedMarket[];
  skipped: Extract<MappingResult, { kind: "skipped" }>[];
} {
  const markets: ImportedMarket[] = [];
  const skippedItems: Extract<MappingResult, { kind: "skipped" }>[] = [];
  for (const item of items) {
    const result = mapGammaMarket(item);
    if (result.kind === "market") markets.push(result.market);
    else skippedItems.push(result);
  }
  return { markets, skipped: skippedItems };
}

function mapValidMarket(gamma: GammaMarket): MappingResult {
  const { outcomes } = gamma;
  if (outcomes.length > 2) {
    return skipped("not_binary", gamma.id, `${outcomes.length} outcomes: ${outcomes.join(", ")}`);
  }
  const [first, second] = outcomes;
  if (first === undefined || second === undefined) {
    return skipped("invalid_record", gamma.id, `only ${outcomes.length} outcome(s)`);
  }
  if (first.toLowerCase() === second.toLowerCase()) {
    return skipped("invalid_record", gamma.id, `both outcomes are named "${first}"`);
  }
  // Gamma sends "[]" on some markets that have no book yet: the same as no prices.
  const prices = gamma.outcomePrices?.length ? gamma.outcomePrices : null;
  if (prices && prices.length !== outcomes.length) {
    return skipped(
      "invalid_record",
      gamma.id,
      `${prices.length} prices for ${outcomes.length} outcomes`,
    );
  }

  const yesNo = isYesNo(first, second);
  const thisIndex = yesNo && first.toLowerCase() !== "yes" ? 1 : 0;
  const thatIndex = 1 - thisIndex;
  const sidePrice = (index: number) => (prices ? (prices[index] ?? null) : null);
  const thisPrice = sidePrice(thisIndex);
  const thatPrice = sidePrice(thatIndex);
  const thisOdds = thisPrice === null ? null : roundOdds(thisPrice);
  const thatOdds = thatPrice === null ? null : roundOdds(thatPrice);

  const bettable =
    thisOdds !== null &&
    thatOdds !== null &&
    isTradableOdds(thisOdds) &&
    isTradableOdds(thatOdds) &&
    !gamma.closed &&
    gamma.acceptingOrders !== false &&
    gamma.enableOrderBook !== false;

  return {
    kind: "market",
    market: {
      externalId: gamma.id,
      conditionId: blankToNull(gamma.conditionId),
      thisTokenId: tokenOf(gamma, thisIndex),
      title: gamma.question,
      description: gamma.description?.trim() ?? "",
      category: blankToNull(gamma.category),
      thisOption: outcomes[thisIndex] ?? first,
      thatOption: outcomes[thatIndex] ?? second,
      thisOdds,
      thatOdds,
      bettable,
      liquidity: gamma.liquidityNum ?? gamma.liquidity ?? 0,
      volume: gamma.volumeNum ?? gamma.volume ?? 0,
      volume24h: gamma.volume24hr ?? 0,
      expiresAt: gamma.endDate ?? gamma.endDateIso ?? null,
      closed: gamma.closed,
      closedAt: gamma.closedTime ?? null,
      result: resultOf(gamma, prices, thisIndex),
      sourceUpdatedAt: gamma.updatedAt ?? null,
    },
  };
}

/**
 * Reads the result from the oracle status and the raw (unrounded) prices: 0.99995
 * would round to 1 but is not a result.
 */
function resultOf(
  gamma: GammaMarket,
  prices: readonly number[] | null,
  thisIndex: number,
): PolymarketResult {
  if (!gamma.closed) return { state: "pending" };
  const oracle = gamma.umaResolutionStatus?.trim().toLowerCase() || null;
  const [first, second] = prices ?? [];
  const noWinnerInPrices = prices === null || (first === 0 && second === 0);

  if (oracle === "resolved") {
    if (first === 1 && second === 0) return final(thisIndex === 0 ? "this" : "that");
    if (first === 0 && second === 1) return final(thisIndex === 1 ? "this" : "that");
    if (first === 0.5 && second === 0.5) return final("invalid");
    // Waiting would not help: a resolved market's prices do not move any more.
    if (noWinnerInPrices) {
      return needsReview("resolved by the oracle but the prices name no winner");
    }
    return { state: "pending" };
  }
  if (oracle === null && noWinnerInPrices) {
    // The 2020-era markets: closed, 0/0 prices, no oracle record. Nothing will change.
    return needsReview("closed without an oracle result and without a winning price");
  }
  return { state: "pending" };
}

function final(resolution: Resolution): PolymarketResult {
  return { state: "final", resolution };
}

function needsReview(reason: string): PolymarketResult {
  return { state: "needs_review", reason };
}

function isYesNo(first: string, second: string): boolean {
  const names = [first.toLowerCase(), second.toLowerCase()].sort();
  return names[0] === "no" && names[1] === "yes";
}

/**
 * Rounds a price to 4 decimals. Scaling first to 12 significant digits removes the
 * binary noise (`0.00015 * 1e4` is `1.4999…`) so halves round up as on paper.
 */
export function roundOdds(price: number): number {
  return Math.round(Number((price * 10_000).toPrecision(12))) / 10_000;
}

/** The side's CLOB token, only when Gamma lists one per outcome (the order is then the same). */
function tokenOf(gamma: GammaMarket, index: number): string | null {
  const tokens = gamma.clobTokenIds;
  if (!tokens || tokens.length !== gamma.outcomes.length) return null;
  return blankToNull(tokens[index]);
}

function isTradableOdds(odds: number): boolean {
  return odds > 0 && odds < 1;
}

function blankToNull(text: string | null | undefined): string | null {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
}

function readableId(raw: unknown): string | null {
  if (typeof raw !== "object" || raw === null || !("id" in raw)) return null;
  const { id } = raw;
  if (typeof id === "string" && /^\d+$/.test(id)) return id;
  if (typeof id === "number" && Number.isSafeInteger(id) && id >= 0) return String(id);
  return null;
}

function describeIssues(error: z.ZodError): string {
  const shown = error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join(".") || "record"}: ${issue.message}`);
  const more = error.issues.length - shown.length;
  return more > 0 ? `${shown.join("; ")}; and ${more} more` : shown.join("; ");
}

function skipped(
  reason: SkipReason,
  externalId: string | null,
  detail: string,
): Extract<MappingResult, { kind: "skipped" }> {
  return { kind: "skipped", reason, externalId, detail };
}
