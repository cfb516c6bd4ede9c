import type { CoreContext } from "../context";
import type { BetItem } from "../entities/bet";
import type { LedgerEntryItem } from "../entities/ledger-entry";
import { type PortfolioRange, portfolioHistory } from "../limits";
import { type OddsPoint, oddsRangeMs, oddsSnapshotsOver } from "../markets/odds-history";
import { fromCents, toCents } from "../money";
import { pageQuery, type StartKey, sourceOf } from "../paging";
import { serviceFor } from "../service";
import { currentValue } from "./payout";

/** What the account was worth at one moment: its balance and its open positions then. */
export interface PortfolioPoint {
  at: string;
  balance: number;
  /** The positions open then, each valued at the odds of its side then (its stake without odds). */
  positions: number;
  /** balance + positions. */
  total: number;
}

/** What the history is computed from: the user and their pending bets, as the portfolio read them. */
export interface HistoryInput {
  userId: string;
  /** When the account was opened: no point is older. */
  createdAt: string;
  /** The user's pending bets (the portfolio's read of them). */
  pending: BetItem[];
}

/** A ledger entry read newest first, one page at a time. */
const ledgerPage = 100;

/**
 * The history of a portfolio's total over `range`, oldest first, computed
 * from the ledger and the odds history (docs/product-rules.md#portfolio):
 * the balance at each point is the `balanceAfter` of the user's last ledger
 * entry at or before it, and each bet open then (placed by then, not yet
 * settled or cashed out) is valued `currentValue(potentialPayout, odds of its
 * side then)`. Reads, beside the portfolio's: the ledger newest first back to
 * the range's start, the newest bets, and the odds histories of the markets of
 * the bets open in the range; each is bounded by `portfolioHistory` (limits.ts).
 * Points the bounded ledger cannot tell the balance of are left out.
 */
export async function portfolioHistoryOf(
  ctx: CoreContext,
  input: HistoryInput,
  range: PortfolioRange,
): Promise<PortfolioPoint[]> {
  const now = ctx.clock().getTime();
  const times = pointTimes(now, Date.parse(input.createdAt), range);
  const start = times[0] ?? now;
  // The ledger's pages go on beside the bets and then their markets' odds.
  const betsRead = betsOpenSince(ctx, input, start);
  const [ledger, bets, odds] = await Promise.all([
    ledgerBackTo(ctx, input.userId, start),
    betsRead,
    betsRead.then((bets) => oddsOf(ctx, bets, range)),
  ]);
  const points: PortfolioPoint[] = [];
  for (const time of times) {
    const at = new Date(time).toISOString();
    const balance = balanceAt(ledger, at);
    if (balance === undefined) continue;
    const positions = positionsValueAt(bets, odds, at);
    points.push({
      at,
      balance: fromCents(balance),
      positions: fromCents(positions),
      total: fromCents(balance + positions),
    });
  }
  return points;
}

/**
 * The moments of the points: now and every step back from it while not before
 * the account's opening (and the range's start), oldest first, and the opening
 * itself when the range reaches back to it (so a new account's chart starts at
 * its signup). `all` steps daily, or by whole weeks when days would be more
 * than `maxPoints`.
 */
function pointTimes(now: number, openedAt: number, range: PortfolioRange): number[] {
  const { maxPoints } = portfolioHistory;
  // The same spans as the odds chart's, so the odds read for a range cover its points.
  const from = Math.max(openedAt, range === "all" ? openedAt : now - oddsRangeMs[range]);
  let step: number = portfolioHistory.stepMs[range];
  if (range === "all" && (now - from) / step > maxPoints - 1) {
    const week = portfolioHistory.allWideStepMs;
    step = week * Math.ceil((now - from) / (maxPoints - 1) / week);
  }
  const times: number[] = [];
  for (let time = now; time >= from && times.length < maxPoints; time -= step) times.push(time);
  const oldest = times.at(-1);
  if (from === openedAt && oldest !== undefined && oldest > openedAt && times.length < maxPoints) {
    times.push(openedAt);
  }
  return times.reverse();
}

/** The user's ledger, newest first, back to the first entry at or before `start`. */
interface LedgerRead {
  entries: LedgerEntryItem[];
  /** The read reached the user's first entry: before it, the balance was zero. */
  fromFirst: boolean;
}

/**
 * The user's ledger entries newest first, a page at a time, until one at or
 * before `start` (the balance at the range's start), the ledger's end, or
 * `maxLedgerEntries`.
 */
async function ledgerBackTo(ctx: CoreContext, userId: string, start: number): Promise<LedgerRead> {
  const ledger = serviceFor(ctx.db).entities.ledgerEntry;
  const source = sourceOf(ledger.query.byUser({ userId }), ledger, "desc");
  const startAt = new Date(start).toISOString();
  const entries: LedgerEntryItem[] = [];
  let after: StartKey | undefined;
  do {
    const limit = Math.min(ledgerPage, portfolioHistory.maxLedgerEntries - entries.length);
    const page = await pageQuery(ctx, source, { offset: 0, limit, after });
    entries.push(...page.items);
    after = page.next;
    const oldest = entries.at(-1);
    // The balance at the range's start is known: older entries change no point.
    if (oldest && oldest.createdAt <= startAt) break;
  } while (after && entries.length < portfolioHistory.maxLedgerEntries);
  return { entries, fromFirst: after === undefined };
}

/** The balance in cents after the last entry at or before `at`; undefined when the read cannot tell. */
function balanceAt(ledger: LedgerRead, at: string): number | undefined {
  const entry = ledger.entries.find((candidate) => candidate.createdAt <= at);
  if (entry) return toCents(entry.balanceAfter);
  return ledger.fromFirst ? 0 : undefined;
}

/**
 * The bets that may have been open since `start`: the pending ones and, among
 * the user's newest `maxBets`, those settled or cashed out after it.
 */
async function betsOpenSince(
  ctx: CoreContext,
  input: HistoryInput,
  start: number,
): Promise<BetItem[]> {
  const { data } = await serviceFor(ctx.db)
    .entities.bet.query.byUser({ userId: input.userId })
    .go({ order: "desc", limit: portfolioHistory.maxBets });
  const startAt = new Date(start).toISOString();
  const pendingIds = new Set(input.pending.map((bet) => bet.betId));
  // A bet settled between the two reads is in both: it counts once.
  const closedSince = data.filter(
    (bet) =>
      !pendingIds.has(bet.betId) &&
      bet.status !== "pending" &&
      bet.resolvedAt !== undefined &&
      bet.resolvedAt > startAt,
  );
  return [...input.pending, ...closedSince];
}

/**
 * The odds histories over the range of the markets of `bets`, at most
 * `maxMarkets` (those with the largest stakes), read in parallel.
 */
async function oddsOf(
  ctx: CoreContext,
  bets: BetItem[],
  range: PortfolioRange,
): Promise<Map<string, OddsPoint[]>> {
  const stakes = new Map<string, number>();
  for (const bet of bets) {
    stakes.set(bet.marketId, (stakes.get(bet.marketId) ?? 0) + toCents(bet.amount));
  }
  const marketIds = [...stakes.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, portfolioHistory.maxMarkets)
    .map(([marketId]) => marketId);
  const histories = await Promise.all(
    marketIds.map((marketId) => oddsSnapshotsOver(ctx, marketId, range)),
  );
  return new Map(marketIds.map((marketId, index) => [marketId, histories[index] ?? []]));
}

/** The value in cents of the bets open at `at`, each at the odds of its side then. */
function positionsValueAt(bets: BetItem[], odds: Map<string, OddsPoint[]>, at: string): number {
  let value = 0;
  for (const bet of bets) {
    const open = bet.placedAt <= at && (bet.resolvedAt === undefined || bet.resolvedAt > at);
    if (!open) continue;
    const snapshot = lastAtOrBefore(odds.get(bet.marketId) ?? [], at);
    const sideOdds = bet.side === "this" ? snapshot?.thisOdds : snapshot?.thatOdds;
    value += toCents(
      sideOdds === undefined ? bet.amount : currentValue(bet.potentialPayout, sideOdds),
    );
  }
  return value;
}

/** The last of oldest-first `points` taken at or before `at` (binary search). */
function lastAtOrBefore(points: OddsPoint[], at: string): OddsPoint | undefined {
  let low = 0;
  let high = points.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((points[middle] as OddsPoint).takenAt <= at) low = middle + 1;
    else high = middle;
  }
  return points[low - 1];
}
