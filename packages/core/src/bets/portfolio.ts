import type { CoreContext } from "../context";
import type { BetItem } from "../entities/bet";
import { UserNotFound } from "../errors";
import { maxPortfolioPositions, type PortfolioRange, publicRecentResults } from "../limits";
import { fromCents, toCents } from "../money";
import { serviceFor } from "../service";
import { type PortfolioPoint, portfolioHistoryOf } from "./portfolio-history";
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
  range: PortfolioRange;
  /** The total over `range`, oldest first; the last point is now (`balance`, `total`). */
  history: PortfolioPoint[];
}

/**
 * A user's open positions valued at today's odds, with the history of their
 * total over `range`. The positions take two round trips: the user item beside
 * one Query of their pending bets (`byUserStatus`, bounded by
 * `maxPortfolioPositions`), then one BatchGetItem of those bets' markets' odds.
 * The history (`portfolioHistoryOf`) reads beside that BatchGetItem: the
 * ledger and newest bets, then the markets' odds histories in parallel.
 */
export async function readPortfolio(
  ctx: CoreContext,
  userId: string,
  range: PortfolioRange = "1w",
): Promise<PrivatePortfolio> {
  const open = await readOpenPositions(ctx, userId);
  const [{ positions, totals }, history] = await Promise.all([
    open.valued(),
    portfolioHistoryOf(ctx, { userId, createdAt: open.createdAt, pending: open.bets }, range),
  ]);
  const total = fromCents(toCents(open.balance) + toCents(totals.currentValue));
  // The last point is now: the same numbers as the headline, whatever the history's bounds left out.
  const now = history.at(-1);
  if (now) {
    history[history.length - 1] = {
      at: now.at,
      balance: open.balance,
      positions: totals.currentValue,
      total,
    };
  }
  return {
    balance: open.balance,
    total,
    positions,
    totals,
    truncated: open.truncated,
    range,
    history,
  };
}

/**
 * The user's pending bets (one Query bounded by `maxPortfolioPositions`, beside
 * the user item), and `valued()` to value them at today's odds.
 */
async function readOpenPositions(ctx: CoreContext, userId: string) {
  const entities = serviceFor(ctx.db).entities;
  const [{ data: user }, { data: pending }] = await Promise.all([
    entities.user.get({ userId }).go({ attributes: ["userId", "balance", "pnl", "createdAt"] }),
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
  return {
    balance: user.balance,
    createdAt: user.createdAt,
    bets,
    truncated: pending.length > maxPortfolioPositions,
    valued: async () => {
      const positions = await valuePositions(ctx, bets);
      return { positions, totals: totalsOf(positions, user.pnl) };
    },
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
  const [open, recentResults] = await Promise.all([
    readOpenPositions(ctx, userId),
    latestResults(ctx, userId),
  ]);
  const { positions, totals } = await open.valued();
  return { positions, totals, truncated: open.truncated, recentResults };
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
