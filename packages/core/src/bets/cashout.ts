import { createHmac, timingSafeEqual } from "node:crypto";
import { batchGetRaw, keyText, type TableKey } from "../batch-get";
import type { CoreContext } from "../context";
import type { BetItem } from "../entities/bet";
import type { MarketItem } from "../entities/market";
import type { UserItem } from "../entities/user";
import { ValidationFailed } from "../errors";
import { ExtraWriteRejected } from "../ledger/errors";
import { type LedgerPosting, postingAt, postLedgerEntry } from "../ledger/post";
import { limitsOf } from "../limits";
import { MarketClosed, MarketNotFound } from "../markets/errors";
import { assertOpen } from "../markets/market";
import { readPurchase } from "../markets/purchase-read";
import { fromCents, toCents } from "../money";
import { heldWindowHit } from "../rate-limit";
import { serviceFor } from "../service";
import { BetNotFound, BetNotPending, NothingToCashOut, OddsStale, QuoteExpired } from "./errors";
import { cashoutAmountFor, currentValue, settledPnL } from "./payout";

/** What a cash-out would pay now (docs/product-rules.md#cash-out). */
export interface CashoutQuote {
  /** A signed token naming the bet, the caller, the amount, the odds and the expiry. */
  quoteId: string;
  amount: number;
  /** Today's odds of the bet's side, the quote's price. */
  odds: number;
  /** The position's value before the fee. */
  value: number;
  fee: number;
  /** The realized profit or loss the cash-out locks in: amount − stake. */
  pnl: number;
  expiresAt: string;
}

export interface CashedOut {
  bet: BetItem;
  /** Credited to the balance (the quoted amount, less what the balance cap forfeits). */
  credited: number;
  newBalance: number;
  replayed: boolean;
}

/**
 * A quote to cash a pending bet out at today's odds, less `CASHOUT_FEE`. The
 * quote is a signed token rather than a stored item: accepting it needs no
 * read of quote state, and a quote no one accepts leaves nothing behind.
 */
export async function quoteCashout(
  ctx: CoreContext,
  userId: string,
  betId: string,
): Promise<CashoutQuote> {
  const bet = await pendingBet(ctx, userId, betId);
  const { user, market } = await readQuoted(ctx, userId, bet.marketId);
  const checked = await checkCashable(ctx, bet, market);
  // Quotes count against the bet window without taking a hit: a full window refuses them.
  heldWindowHit(ctx, limitsOf(ctx.config).rateLimits.bets, user?.rateWindows?.bets);
  return quoteAt(ctx, bet, userId, checked.odds);
}

/**
 * Cashes a pending bet out for exactly the quoted amount, in one ledger
 * transaction: the `bet_cashout` credit, the bet `cashed_out` (condition
 * `status = pending`, so a racing settlement or second cash-out finds it gone),
 * a check that the market is still open at the quoted odds, the realized PnL on
 * the user and a hit in the bet rate window (fields of the user's update). Four
 * items; the bet keeps its entry's `cashoutSeq` for a retry's answer.
 */
export async function cashOut(
  ctx: CoreContext,
  userId: string,
  betId: string,
  quoteId: string,
): Promise<CashedOut> {
  const quote = openQuote(ctx, userId, betId, quoteId);
  // The quote names the bet's market, so the bet, the user and the market are
  // read in one request.
  const read = quote?.marketId
    ? await readPurchase(ctx, { userId, marketId: quote.marketId, ledgerKey: undefined, betId })
    : null;
  const bet = read ? ownOf(read.bet, userId, betId) : await ownBet(ctx, userId, betId);
  // Someone else's bet is "not found" before its quote is looked at: ids reveal nothing.
  if (!quote || (quote.marketId !== undefined && quote.marketId !== bet.marketId)) {
    throw refusedQuote();
  }
  if (bet.status !== "pending") return earlierCashout(ctx, bet, quoteId);
  // A quote signed before quotes named their market reads it now.
  const { user, market } =
    read ?? (await readPurchase(ctx, { userId, marketId: bet.marketId, ledgerKey: undefined }));
  const { odds, market: open } = await checkCashable(ctx, bet, market);
  const now = ctx.clock();
  if (now.getTime() > quote.expiresAt) {
    throw new QuoteExpired("it expired", quoteAt(ctx, bet, userId, odds));
  }
  if (odds !== quote.odds) {
    throw new QuoteExpired("the odds moved", quoteAt(ctx, bet, userId, odds));
  }
  const betLimit = limitsOf(ctx.config).rateLimits.bets;
  const amount = fromCents(quote.cents);
  const oddsField = bet.side === "this" ? "thisOdds" : "thatOdds";
  try {
    const posting = await postLedgerEntry(ctx, {
      userId,
      amount,
      type: "bet_cashout",
      reason: `Cashed out: "${bet.marketTitle}"`,
      referenceId: bet.betId,
      marketId: bet.marketId,
      // No idempotency item: the bet's move out of `pending` is the once-only
      // guard, and a retried attempt that finds it moved reads its result.
      // At the balance cap a cash-out is paid like a payout: up to the cap, the rest forfeited.
      upToCap: true,
      knownUser: user ?? undefined,
      userTotals: (credited) => ({
        pnl: settledPnL(bet.amount, credited),
        bets: { pending: -1, cashed_out: 1 },
      }),
      userFields: (current: UserItem) => ({
        rateWindows: {
          ...current.rateWindows,
          bets: heldWindowHit(ctx, betLimit, current.rateWindows?.bets),
        },
      }),
      alsoWrite: (entities, entry) => ({
        bet: entities.bet
          .patch({ betId: bet.betId })
          .set({
            status: "cashed_out",
            actualPayout: entry.amount,
            cashoutAmount: amount,
            cashoutQuoteId: quoteId,
            cashoutSeq: entry.seq,
            resolvedAt: now.toISOString(),
            userId: bet.userId,
            marketId: bet.marketId,
          })
          .where((item, { eq }) => eq(item.status, "pending"))
          .commit(),
        // Still open, tradable and at the quoted odds when the cash-out lands.
        marketOpen: entities.market
          .check({ marketId: open.marketId })
          .where(
            (item, { eq, gt }) =>
              `${eq(item.status, "open")} AND ${eq(item.bettable, true)} AND ${gt(item.expiresAt, now.toISOString())} AND ${eq(item[oddsField], odds)}`,
          )
          .commit(),
      }),
    });
    if (posting.replayed) return earlierCashout(ctx, await ownBet(ctx, userId, betId), quoteId);
    return {
      bet: {
        ...bet,
        status: "cashed_out",
        actualPayout: posting.amount,
        cashoutAmount: amount,
        cashoutQuoteId: quoteId,
        cashoutSeq: posting.seq,
        resolvedAt: now.toISOString(),
      },
      credited: posting.amount,
      newBalance: posting.balanceAfter,
      replayed: false,
    };
  } catch (error) {
    if (!(error instanceof ExtraWriteRejected)) throw error;
    if (error.write === "bet") {
      return earlierCashout(ctx, await ownBet(ctx, userId, betId), quoteId);
    }
    if (error.write === "marketOpen") {
      const { market: fresh } = await readPurchase(ctx, {
        userId,
        marketId: bet.marketId,
        ledgerKey: undefined,
      });
      const { odds: moved } = await checkCashable(ctx, bet, fresh);
      throw new QuoteExpired("the odds moved", quoteAt(ctx, bet, userId, moved));
    }
    throw error;
  }
}

/**
 * A bet no longer pending: the result of this same cash-out when it was this
 * quote that cashed it out (a retried request), otherwise `BET_NOT_PENDING`.
 */
async function earlierCashout(ctx: CoreContext, bet: BetItem, quoteId: string): Promise<CashedOut> {
  const earlier = await cashoutOf(ctx, bet, quoteId);
  if (!earlier) throw new BetNotPending(bet.betId, bet.status);
  return { bet, credited: earlier.amount, newBalance: earlier.balanceAfter, replayed: true };
}

/**
 * The ledger posting of the cash-out `quoteId` made of `bet`, or null when the
 * bet was not cashed out with that quote: its entry by the bet's `cashoutSeq`
 * (or, for cash-outs made before the bet kept it, by its idempotency item).
 */
async function cashoutOf(
  ctx: CoreContext,
  bet: BetItem,
  quoteId: string,
): Promise<LedgerPosting | null> {
  if (bet.status !== "cashed_out" || bet.cashoutQuoteId !== quoteId) return null;
  let seq = bet.cashoutSeq;
  if (seq === undefined) {
    const { data: key } = await serviceFor(ctx.db)
      .entities.idempotencyKey.get({ key: `bet_cashout#${bet.betId}` })
      .go({ consistent: true });
    seq = key?.seq;
  }
  return seq === undefined ? null : postingAt(ctx, bet.userId, seq);
}

/**
 * What a quote reads after the bet: the user's bet window and the market, in
 * one consistent BatchGetItem, not a TransactGetItems: a quote writes nothing,
 * so it needs no snapshot of the two together (the cash-out's transaction
 * checks them).
 */
async function readQuoted(
  ctx: CoreContext,
  userId: string,
  marketId: string,
): Promise<{ user: Pick<UserItem, "rateWindows"> | null; market: MarketItem | null }> {
  const { entities } = serviceFor(ctx.db);
  const userKey = entities.user.get({ userId }).params().Key as TableKey;
  const marketKey = entities.market.get({ marketId }).params().Key as TableKey;
  const found = await batchGetRaw(ctx, [userKey, marketKey], { consistent: true });
  const user = found.get(keyText(userKey));
  const market = found.get(keyText(marketKey));
  return {
    user: user ? { rateWindows: user.rateWindows as UserItem["rateWindows"] } : null,
    market: market ? (entities.market.parse({ Item: market }).data as MarketItem) : null,
  };
}

async function ownBet(ctx: CoreContext, userId: string, betId: string): Promise<BetItem> {
  const { data } = await serviceFor(ctx.db).entities.bet.get({ betId }).go({ consistent: true });
  return ownOf(data, userId, betId);
}

/** The bet if it is the caller's; anyone else's is "not found". */
function ownOf(bet: BetItem | null, userId: string, betId: string): BetItem {
  if (!bet || bet.userId !== userId) throw new BetNotFound(betId);
  return bet;
}

async function pendingBet(ctx: CoreContext, userId: string, betId: string): Promise<BetItem> {
  const bet = await ownBet(ctx, userId, betId);
  if (bet.status !== "pending") throw new BetNotPending(betId, bet.status);
  return bet;
}

/** The market open, its odds confirmed recently enough, and the bet side's odds. */
async function checkCashable(
  ctx: CoreContext,
  bet: BetItem,
  market: MarketItem | null,
): Promise<{ market: MarketItem; odds: number }> {
  if (!market) throw new MarketNotFound(bet.marketId);
  const now = ctx.clock();
  assertOpen(market, now);
  const odds = bet.side === "this" ? market.thisOdds : market.thatOdds;
  if (odds === undefined) throw new MarketClosed(market.marketId, "it has no odds");
  // An admin market's odds are its own; a mirrored one's are only as good as the last sync.
  if (market.marketType === "polymarket") await assertOddsFresh(ctx, market, now);
  return { market, odds };
}

/**
 * A mirrored market's odds hold as of its last write or, when the sync saw it
 * unchanged since, the sync's last finished run (read only when the market's
 * own write is too old).
 */
async function assertOddsFresh(ctx: CoreContext, market: MarketItem, now: Date): Promise<void> {
  const maxAgeSeconds = ctx.config.CASHOUT_MAX_ODDS_AGE_SECONDS;
  const fresh = (at: string) => now.getTime() - Date.parse(at) <= maxAgeSeconds * 1000;
  if (fresh(market.updatedAt)) return;
  const { data: sync } = await serviceFor(ctx.db)
    .entities.mirrorSync.get({ source: "polymarket" })
    .go();
  if (sync && fresh(sync.finishedAt)) return;
  const oddsAt = sync && sync.finishedAt > market.updatedAt ? sync.finishedAt : market.updatedAt;
  throw new OddsStale(market.marketId, oddsAt, maxAgeSeconds);
}

/** A quote of the bet at `odds`, valid for `CASHOUT_QUOTE_SECONDS` from now. */
function quoteAt(ctx: CoreContext, bet: BetItem, userId: string, odds: number): CashoutQuote {
  const fee = ctx.config.CASHOUT_FEE;
  const value = currentValue(bet.potentialPayout, odds);
  const amount = cashoutAmountFor(value, fee);
  // A quote of nothing would only be refused when accepted: refuse it here, with the reason.
  if (amount <= 0) throw new NothingToCashOut(bet.betId, value, fee);
  const expiresAt = ctx.clock().getTime() + ctx.config.CASHOUT_QUOTE_SECONDS * 1000;
  const body = Buffer.from(
    JSON.stringify({ a: toCents(amount), o: odds, e: expiresAt, m: bet.marketId }),
  ).toString("base64url");
  return {
    quoteId: `${body}.${quoteMac(ctx.cursorKeys.sign, userId, bet.betId, body).toString("base64url")}`,
    amount,
    odds,
    value,
    fee,
    pnl: settledPnL(bet.amount, amount),
    expiresAt: new Date(expiresAt).toISOString(),
  };
}

interface OpenedQuote {
  cents: number;
  odds: number;
  /** Epoch milliseconds. */
  expiresAt: number;
  /** The bet's market; absent from quotes signed before quotes named it. */
  marketId?: string | undefined;
}

/** The 400 for a quote this server did not sign for this user and bet. */
const refusedQuote = () =>
  new ValidationFailed("Invalid cash-out quote", { quoteId: "is not a quote for this bet" });

/** A quote this server signed for this user and bet, or null for anything else. */
function openQuote(
  ctx: CoreContext,
  userId: string,
  betId: string,
  quoteId: string,
): OpenedQuote | null {
  const [body, signature, ...rest] = quoteId.split(".");
  if (!body || !signature || rest.length > 0) return null;
  const given = Buffer.from(signature, "base64url");
  const valid = ctx.cursorKeys.verify.some((key) => {
    const expected = quoteMac(key, userId, betId, body);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!valid) return null;
  const state = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Record<
    string,
    unknown
  >;
  const { a, o, e, m } = state;
  if (typeof a !== "number" || typeof o !== "number" || typeof e !== "number" || a <= 0) {
    return null;
  }
  if (m !== undefined && typeof m !== "string") return null;
  return { cents: a, odds: o, expiresAt: e, marketId: m };
}

/** Its own purpose string keeps a quote from ever opening as a list cursor, and back. */
function quoteMac(key: Buffer, userId: string, betId: string, body: string): Buffer {
  return createHmac("sha256", key)
    .update("cashout-quote/v1\n")
    .update(`${userId}\n${betId}\n`)
    .update(body)
    .digest();
}
