import type { CoreContext } from "../context";
import type { BetItem, BetStatus } from "../entities/bet";
import type { LedgerEntryItem } from "../entities/ledger-entry";
import type { MarketItem } from "../entities/market";
import type { PredictionSessionItem } from "../entities/prediction-session";
import { betCounterOf, entryCounterOf } from "../entities/user";
import { countMoves } from "../markets/counts";
import { categoryKey } from "../markets/market";
import { searchTokens } from "../markets/search";
import { serviceFor } from "../service";

/** The words the catalogue's titles are made of: a search for one matches an eighth of it. */
export const catalogueWords = [
  "bitcoin",
  "election",
  "rates",
  "football",
  "weather",
  "launch",
  "court",
  "oil",
] as const;
export const catalogueCategories = ["Politics", "Crypto", "Sports", "Economy", "Science"] as const;

/** Writes items with BatchWriteItem (25 a request, several at once); refuses to lose any. */
async function batchPut<T>(
  entity: {
    put: (items: T[]) => {
      go: (options: { concurrency: number }) => Promise<{ unprocessed: unknown[] }>;
    };
  },
  items: T[],
): Promise<void> {
  for (let start = 0; start < items.length; start += 2_500) {
    const { unprocessed } = await entity
      .put(items.slice(start, start + 2_500))
      .go({ concurrency: 8 });
    if (unprocessed.length > 0) throw new Error(`${unprocessed.length} items were not written`);
  }
}

/**
 * `count` open markets written straight to the table through the entities
 * (BatchWriteItem), with their search tokens and list counters: a realistic
 * catalogue in seconds, where `saveMarket` would take minutes. Titles are
 * `<Word> market <n>` over `catalogueWords`; categories, volumes, liquidity
 * and end dates vary.
 */
export async function seedCatalogue(
  ctx: CoreContext,
  count: number,
  prefix = `cat_${Date.now().toString(36)}`,
): Promise<MarketItem[]> {
  const { entities } = serviceFor(ctx.db);
  const now = ctx.clock().getTime();
  const markets: MarketItem[] = Array.from({ length: count }, (_, index) => {
    const word = catalogueWords[index % catalogueWords.length] as string;
    const category = catalogueCategories[index % catalogueCategories.length] as string;
    const volume24h = (index * 7_919) % 100_003;
    const liquidity = (index * 104_729) % 1_000_003;
    return {
      marketId: `${prefix}_${index}`,
      marketType: index % 10 === 0 ? "credits" : "polymarket",
      title: `${word[0]?.toUpperCase()}${word.slice(1)} market ${index}`,
      description: `Catalogue market ${index} about ${word}.`,
      category,
      categoryKey: categoryKey(category),
      thisOption: "Yes",
      thatOption: "No",
      thisOdds: 0.55,
      thatOdds: 0.45,
      bettable: true,
      liquidity,
      volume: volume24h * 10,
      volume24h,
      trendingRank: volume24h,
      liquidityRank: liquidity,
      status: "open",
      expiresAt: new Date(now + (index + 1) * 3_600_000).toISOString(),
      createdAt: new Date(now).toISOString(),
      updatedAt: new Date(now).toISOString(),
    };
  });
  await batchPut(entities.market, markets);
  await batchPut(
    entities.marketSearchToken,
    markets.flatMap((market) =>
      searchTokens(market.title).map((token) => ({
        token,
        marketId: market.marketId,
        status: market.status,
        trendingRank: market.trendingRank,
      })),
    ),
  );
  const counts = new Map<string, number>();
  for (const market of markets) {
    for (const [scope, delta] of countMoves(null, market)) {
      counts.set(scope, (counts.get(scope) ?? 0) + delta);
    }
  }
  for (const [scope, delta] of counts) {
    await entities.marketCount.update({ scope }).add({ count: delta }).go();
  }
  return markets;
}

/** How many of each a user's seeded history holds. */
export interface HistorySize {
  bets: number;
  /** Ledger entries beyond the user's own (half bets placed, half refunds). */
  entries: number;
  sessions: number;
}

const betStatusCycle: BetStatus[] = ["pending", "won", "lost", "cancelled", "pending"];

/**
 * A user's history written straight to the table: `bets` bets on `market`
 * (statuses cycling), `entries` ledger entries continuing the user's chain
 * (a 10-credit debit and its refund, in turn, so the balance is unchanged) and
 * `sessions` prediction sessions of the last hours; the user's counters move
 * with them, as the real writes would move them.
 */
export async function seedHistory(
  ctx: CoreContext,
  userId: string,
  market: MarketItem,
  size: HistorySize,
): Promise<void> {
  const { entities } = serviceFor(ctx.db);
  const { data: user } = await entities.user.get({ userId }).go({ consistent: true });
  if (!user) throw new Error(`No user ${userId}`);
  const now = ctx.clock().getTime();
  const at = (index: number) => new Date(now - (size.bets - index) * 1_000).toISOString();
  const bets: BetItem[] = Array.from({ length: size.bets }, (_, index) => ({
    betId: `${now.toString(36)}${String(index).padStart(6, "0")}`,
    userId,
    marketId: market.marketId,
    side: index % 2 ? "this" : "that",
    amount: 10,
    oddsAtBet: 0.5,
    potentialPayout: 20,
    status: betStatusCycle[index % betStatusCycle.length] as BetStatus,
    marketTitle: market.title,
    thisOption: market.thisOption,
    thatOption: market.thatOption,
    placedAt: at(index),
  }));
  const entries: LedgerEntryItem[] = Array.from({ length: size.entries }, (_, index) => {
    const debit = index % 2 === 0;
    return {
      userId,
      seq: user.ledgerSeq + index + 1,
      entryId: `${userId}-seeded-${index}`,
      amount: debit ? -10 : 10,
      type: debit ? "bet_placed" : "bet_refund",
      reason: debit ? "Seeded bet" : "Seeded refund",
      idempotencyKey: `seeded#${userId}#${index}`,
      balanceAfter: debit ? user.balance - 10 : user.balance,
      createdAt: at(index),
    };
  });
  const sessions: PredictionSessionItem[] = Array.from({ length: size.sessions }, (_, index) => ({
    sessionId: `${now.toString(36)}s${String(index).padStart(6, "0")}`,
    userId,
    marketId: market.marketId,
    marketTitle: market.title,
    selectedModels: ["consensus"],
    charged: 0,
    status: "finished",
    step: "done",
    refunded: false,
    createdAt: new Date(now - (size.sessions - index) * 60_000).toISOString(),
    updatedAt: new Date(now).toISOString(),
  }));
  await Promise.all([
    batchPut(entities.bet, bets),
    batchPut(entities.ledgerEntry, entries),
    batchPut(entities.predictionSession, sessions),
  ]);
  const counters: Record<string, number> = {};
  for (const bet of bets)
    counters[betCounterOf(bet.status)] = (counters[betCounterOf(bet.status)] ?? 0) + 1;
  for (const entry of entries) {
    counters[entryCounterOf(entry.type)] = (counters[entryCounterOf(entry.type)] ?? 0) + 1;
  }
  await entities.user
    .patch({ userId })
    .set({ ledgerSeq: user.ledgerSeq + size.entries })
    .add(counters)
    .go();
}
