import type { CoreContext } from "../context";
import type { MarketItem, MarketStatus, Resolution } from "../entities/market";
import { serviceFor } from "../service";
import {
  MarketAlreadyResolved,
  MarketBusy,
  MarketClosed,
  MarketNotFound,
  MarketNotResolved,
} from "./errors";
import { moveStatus } from "./status";

/** Stored for "no end date" so such markets sort after every dated one. */
export const noExpiry = "9999-12-31T23:59:59.999Z";

/** What a market says about itself, wherever it comes from (Polymarket or an admin). */
export interface MarketTerms {
  title: string;
  description: string;
  /** null when there is none. */
  category: string | null;
  thisOption: string;
  thatOption: string;
  /** The price of each side, in (0, 1); null when the source has no prices yet. */
  thisOdds: number | null;
  thatOdds: number | null;
  bettable: boolean;
  liquidity: number;
  volume: number;
  volume24h: number;
  /** ISO 8601; null when the market has no end date. */
  expiresAt: string | null;
}

/** A market as the API shows it (`GET /markets`, `GET /markets/:id`). */
export interface MarketView extends MarketTerms {
  id: string;
  marketType: MarketItem["marketType"];
  status: MarketStatus;
  resolution: Resolution | null;
  /** The winning option by name once resolved `this` or `that`; null otherwise. */
  winningOption: string | null;
  resolvedAt: string | null;
  /** When the odds were last written (by the sync, for a mirrored market); null before any. */
  oddsUpdatedAt: string | null;
}

/**
 * The status a market shows at `now`: an open market past its end date is
 * `closed` already, in the minute before the resolution poll moves it there.
 */
export function statusAt(market: MarketItem, now: Date): MarketStatus {
  return market.status === "open" && Date.parse(market.expiresAt) <= now.getTime()
    ? "closed"
    : market.status;
}

/** The market as the API shows it at `now` (an expired open market reads closed, not bettable). */
export function toMarketView(market: MarketItem, now: Date): MarketView {
  const status = statusAt(market, now);
  return {
    id: market.marketId,
    title: market.title,
    description: market.description,
    thisOption: market.thisOption,
    thatOption: market.thatOption,
    thisOdds: market.thisOdds ?? null,
    thatOdds: market.thatOdds ?? null,
    liquidity: market.liquidity,
    volume: market.volume,
    volume24h: market.volume24h,
    category: market.category ?? null,
    marketType: market.marketType,
    status,
    bettable: status === "open" && market.bettable,
    resolution: market.resolution ?? null,
    // The winner by name, so a resolved card needs no second lookup; none for invalid.
    winningOption:
      market.resolution === "this"
        ? market.thisOption
        : market.resolution === "that"
          ? market.thatOption
          : null,
    expiresAt: market.expiresAt === noExpiry ? null : market.expiresAt,
    resolvedAt: market.resolvedAt ?? null,
    oddsUpdatedAt: market.oddsUpdatedAt ?? null,
  };
}

export function categoryKey(category: string | null | undefined): string {
  return category?.trim().toLowerCase() || "uncategorized";
}

export async function findMarket(ctx: CoreContext, marketId: string): Promise<MarketItem | null> {
  const { data } = await serviceFor(ctx.db).entities.market.get({ marketId }).go();
  return data;
}

export async function getMarket(ctx: CoreContext, marketId: string): Promise<MarketItem> {
  const market = await findMarket(ctx, marketId);
  if (!market) throw new MarketNotFound(marketId);
  return market;
}

/**
 * Why a market takes no bets right now, or null when it does: it must be open,
 * bettable, unexpired and priced strictly between 0 and 1 on both sides.
 */
export function closedReason(market: MarketItem, now: Date): string | null {
  if (market.status !== "open") return `the market is ${market.status}`;
  if (!market.bettable) return "trading is paused for this market";
  if (Date.parse(market.expiresAt) <= now.getTime()) return "the market has expired";
  const priced = (odds: number | undefined) => odds !== undefined && odds > 0 && odds < 1;
  if (!priced(market.thisOdds) || !priced(market.thatOdds)) return "the market has no odds";
  return null;
}

export function assertOpen(market: MarketItem, now: Date): void {
  const reason = closedReason(market, now);
  if (reason) throw new MarketClosed(market.marketId, reason);
}

/**
 * Records a market's result once: `resolved` with its resolution, unless it was
 * resolved before (409). The status move carries the list counters with it.
 * Settling the bets is the settlement workflow's job.
 */
export async function resolveMarket(
  ctx: CoreContext,
  marketId: string,
  resolution: Resolution,
): Promise<MarketItem> {
  for (let attempt = 1; attempt <= 5; attempt++) {
    const existing = await getMarket(ctx, marketId);
    // Resolved before, or by someone else between our read and our write: theirs stands.
    if (existing.status === "resolved") {
      throw new MarketAlreadyResolved(marketId, existing.resolution);
    }
    const resolved = await moveStatus(ctx, existing, {
      status: "resolved",
      resolution,
      resolvedAt: ctx.clock().toISOString(),
      bettable: false,
      settlement: "pending",
    });
    if (resolved) return resolved;
  }
  throw new MarketBusy(marketId, "resolved");
}

/**
 * The market whose bets a settlement run may pay: only a resolved one, so a
 * settlement restarted by hand on an open market is refused, never started.
 */
export async function getResolvedMarket(
  ctx: CoreContext,
  marketId: string,
): Promise<MarketItem & { resolution: Resolution }> {
  const market = await getMarket(ctx, marketId);
  if (market.status !== "resolved" || !market.resolution) throw new MarketNotResolved(marketId);
  return { ...market, resolution: market.resolution };
}
