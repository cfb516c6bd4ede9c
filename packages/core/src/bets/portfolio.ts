import type { CoreContext } from "../context";
import type { BetItem } from "../entities/bet";
import { UserNotFound } from "../errors";
import { maxPortfolioPositions, publicRecentResults } from "../limits";
import { fromCents, toCents } from "../money";
import { serviceFor } from "../service";
import { type BetView, toBetView } from "./read";

/** An open position: a pending bet valued at today's odds of its side. */
export interface Position extends BetView {
  /** Today's odds of the bet's side; null when the market has none (it is being settled). */
  currentOdds: number | null;
}

/** A user's open positions and what they add up to (docs/product-rules.md#portfolio). */
export interface Portfolio {
  /** Newest first. */
  positions: Position[];
  totals: {
    /** The stakes of the open positions. */
    invested: number;
    /** Their worth at today's odds; a position without odds counts at its stake. */
    currentValue: number;
    /** currentValue − invested. */
    unrealizedPnL: number;
    /** Profit or loss already locked in: settled bets and cash-outs (the user's PnL). */
    realizedPnL: number;
  };
  /** More open positions than `maxPortfolioPositions`: the totals cover the newest only. */
  truncated: boolean;
}

export interface PrivatePortfolio extends Portfolio {
  balance: number;
  /** balance + totals.currentValue: what the account is worth at today's odds. */
  total: number;
}

/**
 * A user's open positions valued at today's odds, in two round trips: the user
 * item beside one Query of their pending bets (`byUserStatus`, bounded by
 * `maxPortfolioPositions`), then one BatchGetItem of those bets' markets' odds.
 */
export async function readPortfolio(ctx: CoreContext, userId: string): Promise<PrivatePortfolio> {
  const entities = serviceFor(ctx.db).entities;
  const [{ data: user }, { data: pending }] = await Promise.all([
    entities.user.get({ userId }).go({ attributes: ["userId", "balance", "pnl"] }),
    entities.bet.query
      .byUserStatus({ userId, status: "pending" })
      // A Limit of the bound (and one more, to tell a longer list), so DynamoDB reads no further.
      .go({
        order: "desc",
        limit: maxPortfolioPositions + 1,
        count: maxPortfolioPositions + 1,
        pages: "all",
      }),
  ]);
  if (!user) throw new UserNotFound(userId);
  const bets = pending.slice(0, maxPortfolioPositions);
  const positions = await valuePositions(ctx, bets);
  const totals = totalsOf(positions, user.pnl);
  return {
    balance: user.balance,
    total: fromCents(toCents(user.balance) + toCents(totals.currentValue)),
    positions,
    totals,
    truncated: pending.length > maxPortfolioPositions,
  };
}

/** Someone's portfolio as anyone may see it: not the balance, and with their latest results. */
export interface PublicPortfolio extends Portfolio {
  /** Their latest settled or cashed-out bets, newest first, with what each paid. */
  recentResults: BetView[];
}

/**
 * Someone's portfolio as anyone may see it: the positions and totals without
 * the balance, and their latest results from one more Query beside the first
 * (one page of their `publicRecentResults.read` newest bets, pending ones left
 * out), so still two round trips.
 */
export async function readPublicPortfolio(
  ctx: CoreContext,
  userId: string,
): Promise<PublicPortfolio> {
  const [{ positions, totals, truncated }, recentResults] = await Promise.all([
    readPortfolio(ctx, userId),
    latestResults(ctx, userId),
  ]);
  return { positions, totals, truncated, recentResults };
}

async function latestResults(ctx: CoreContext, userId: string): Promise<BetView[]> {
  const { data } = await serviceFor(ctx.db)
    .entities.bet.query.byUser({ userId })
    .go({ order: "desc", limit: publicRecentResults.read });
  return data
    .filter((bet) => bet.status !== "pending")
    .slice(0, publicRecentResults.shown)
    .map((bet) => toBetView(bet));
}

/** Pending bets with today's odds of their markets, read in one BatchGetItem. */
async function valuePositions(ctx: CoreContext, bets: BetItem[]): Promise<Position[]> {
  const marketIds = [...new Set(bets.map((bet) => bet.marketId))];
  const odds = new Map<string, { this?: number | undefined; that?: number | undefined }>();
  if (marketIds.length > 0) {
    const { data } = await serviceFor(ctx.db)
      .entities.market.get(marketIds.map((marketId) => ({ marketId })))
      .go({ attributes: ["marketId", "thisOdds", "thatOdds"] });
    for (const market of data) {
      odds.set(market.marketId, { this: market.thisOdds, that: market.thatOdds });
    }
  }
  return bets.map((bet) => {
    const currentOdds = odds.get(bet.marketId)?.[bet.side];
    return { ...toBetView(bet, currentOdds), currentOdds: currentOdds ?? null };
  });
}

function totalsOf(positions: Position[], realizedPnL: number): Portfolio["totals"] {
  let invested = 0;
  let value = 0;
  for (const position of positions) {
    invested += toCents(position.amount);
    value += toCents(position.currentValue ?? position.amount);
  }
  return {
    invested: fromCents(invested),
    currentValue: fromCents(value),
    unrealizedPnL: fromCents(value - invested),
    realizedPnL,
  };
}
