import type { CallerCheck } from "../accounts/token-state";
import type { CoreContext } from "../context";
import type { BetItem } from "../entities/bet";
import { IdempotencyKeyReused, UserNotFound } from "../errors";
import { ExtraWriteRejected } from "../ledger/errors";
import { type LedgerPosting, postingAt, postLedgerEntry } from "../ledger/post";
import { limitsOf } from "../limits";
import { MarketClosed, MarketNotFound } from "../markets/errors";
import { gateOpenCheck } from "../markets/gate";
import { assertOpen } from "../markets/market";
import { readPurchase } from "../markets/purchase-read";
import { exactCents, fromCents } from "../money";
import { heldWindowHit } from "../rate-limit";
import { serviceFor } from "../service";
import { BetNotFound, InvalidBetAmount } from "./errors";
import { assertExpectedOdds } from "./expected-odds";
import { payoutFor } from "./payout";

export interface PlaceBetInput {
  userId: string;
  marketId: string;
  amount: unknown;
  side: "this" | "that";
  /** The side's odds the user saw; too far from today's (`ODDS_SLIPPAGE`) refuses the bet. */
  expectedOdds?: number | undefined;
  /** The client's `Idempotency-Key`: a retried request returns the first bet. */
  idempotencyKey?: string | undefined;
  /** Judges the caller by the user this read returns, before anything is written. */
  checkCaller?: CallerCheck | undefined;
}

export interface PlacedBet {
  bet: BetItem;
  newBalance: number;
  replayed: boolean;
}

/**
 * Places a bet at the market's odds of this moment. One read (user and market,
 * and the client's idempotency key when it sent one, strongly consistent) and
 * one transaction: the debit with its `bet_placed` entry, the bet, and a check
 * that the market is still open, so no bet lands on a market resolved
 * meanwhile. The bet-rate window is a field of the user's own update. Without a
 * client key there is no key item: the bet's create, under a fresh id, is what
 * a retried attempt finds taken. Two round trips in all.
 */
export async function placeBet(ctx: CoreContext, input: PlaceBetInput): Promise<PlacedBet> {
  const amount = betAmount(ctx, input.amount);
  const ledgerKey = input.idempotencyKey
    ? `bet#${input.userId}#${input.idempotencyKey}`
    : undefined;
  const { user, market, replayOf } = await readPurchase(ctx, {
    userId: input.userId,
    marketId: input.marketId,
    ledgerKey,
  });
  input.checkCaller?.(user);
  if (ledgerKey && replayOf) return replay(ctx, input, ledgerKey);
  if (!user) throw new UserNotFound(input.userId);
  if (!market) throw new MarketNotFound(input.marketId);
  const now = ctx.clock();
  assertOpen(market, now);
  assertExpectedOdds(market, input.side, input.expectedOdds, ctx.config.ODDS_SLIPPAGE);
  const betLimit = limitsOf(ctx.config).rateLimits.bets;
  // Refused before the write when the window is full; counted again on a retry.
  heldWindowHit(ctx, betLimit, user.rateWindows?.bets);

  const odds = (input.side === "this" ? market.thisOdds : market.thatOdds) as number;
  const betId = ctx.newId();
  const bet: BetItem = {
    betId,
    userId: input.userId,
    marketId: market.marketId,
    side: input.side,
    amount,
    oddsAtBet: odds,
    potentialPayout: payoutFor(amount, odds),
    status: "pending",
    marketTitle: market.title,
    thisOption: market.thisOption,
    thatOption: market.thatOption,
    placedAt: now.toISOString(),
  };
  try {
    const posting = await postLedgerEntry(ctx, {
      userId: input.userId,
      amount: -amount,
      type: "bet_placed",
      reason: `Bet on "${market.title}"`,
      referenceId: betId,
      marketId: market.marketId,
      idempotencyKey: ledgerKey,
      replayGuard: ledgerKey ? undefined : { write: "bet", find: () => firstAttempt(ctx, betId) },
      // The bet counts as pending on the user's counters (`/bets/me` totals).
      userTotals: { volume: amount, bets: { pending: 1 } },
      userFields: (current) => ({
        rateWindows: {
          ...current.rateWindows,
          bets: heldWindowHit(ctx, betLimit, current.rateWindows?.bets),
        },
      }),
      knownUser: user,
      alsoWrite: (entities, entry) => ({
        bet: entities.bet.create({ ...bet, ledgerSeq: entry.seq }).commit(),
        // Still taking bets when the bet lands: its user's gate of the market is
        // not shut (markets/gate.ts); the end date was checked at `now` above.
        marketOpen: gateOpenCheck(entities, ctx, market.marketId, input.userId),
      }),
    });
    if (posting.replayed && ledgerKey) return replay(ctx, input, ledgerKey);
    return {
      bet: { ...bet, ledgerSeq: posting.seq },
      newBalance: posting.balanceAfter,
      replayed: false,
    };
  } catch (error) {
    if (error instanceof ExtraWriteRejected && error.write === "marketOpen") {
      throw new MarketClosed(market.marketId, "the market closed while the bet was placed");
    }
    throw error;
  }
}

/**
 * The posting of a keyless bet's first attempt, when a retry (after an
 * ambiguous failure) finds its bet created: read back through the bet.
 */
async function firstAttempt(ctx: CoreContext, betId: string): Promise<LedgerPosting | null> {
  const { data: bet } = await serviceFor(ctx.db)
    .entities.bet.get({ betId })
    .go({ consistent: true });
  return bet?.ledgerSeq === undefined ? null : postingAt(ctx, bet.userId, bet.ledgerSeq);
}

/** 10 to 10,000 credits (configurable), at most two decimals. */
function betAmount(ctx: CoreContext, amount: unknown): number {
  const { MIN_BET: min, MAX_BET: max } = ctx.config;
  if (typeof amount !== "number" || !Number.isFinite(amount)) {
    throw new InvalidBetAmount("must be a number", { amount: String(amount), min, max });
  }
  if (amount < min || amount > max) {
    throw new InvalidBetAmount(`must be between ${min} and ${max}`, { amount, min, max });
  }
  const cents = exactCents(
    amount,
    () => new InvalidBetAmount("must have at most two decimals", { amount, min, max }),
  );
  return fromCents(cents);
}

/** The first bet made with this key; the same key for another bet is refused. */
async function replay(
  ctx: CoreContext,
  input: PlaceBetInput,
  ledgerKey: string,
): Promise<PlacedBet> {
  const { userId } = input;
  const service = serviceFor(ctx.db);
  const { data: key } = await service.entities.idempotencyKey
    .get({ key: ledgerKey })
    .go({ consistent: true });
  if (!key) throw new BetNotFound(ledgerKey);
  const { data: entry } = await service.entities.ledgerEntry
    .get({ userId, seq: key.seq })
    .go({ consistent: true });
  const betId = entry?.referenceId;
  const { data: bet } = betId
    ? await service.entities.bet.get({ betId }).go({ consistent: true })
    : { data: null };
  if (!bet || !entry) throw new BetNotFound(betId ?? ledgerKey);
  if (bet.marketId !== input.marketId || bet.side !== input.side || bet.amount !== input.amount) {
    throw input.idempotencyKey
      ? new IdempotencyKeyReused(input.idempotencyKey)
      : IdempotencyKeyReused.forLedgerKey(ledgerKey);
  }
  return { bet, newBalance: entry.balanceAfter, replayed: true };
}
