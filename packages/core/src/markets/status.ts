import type { CoreContext } from "../context";
import type { MarketItem } from "../entities/market";
import { serviceFor } from "../service";
import { countMoves, writeWithCounts } from "./counts";
import { gateWrites } from "./gate";
import { mayHaveExpired, rememberNextExpiry } from "./list-state";
import { writeSearchTokens } from "./search";

/** What changes with a market's status (the status itself, and what goes with it). */
export type StatusChange = Partial<
  Pick<MarketItem, "resolution" | "resolvedAt" | "bettable" | "settlement">
> & { status: MarketItem["status"] };

/**
 * Moves a market, as read, to another status: the update (conditioned on the
 * status and end date it was read with), and the list counters it leaves and
 * joins, in one transaction; then its search tokens. The changed market, or
 * null when it changed since it was read (read it again).
 */
export async function moveStatus(
  ctx: CoreContext,
  market: MarketItem,
  change: StatusChange,
): Promise<MarketItem | null> {
  const updatedAt = ctx.clock().toISOString();
  const moved: MarketItem = { ...market, ...change, updatedAt };
  const outcome = await writeWithCounts(
    ctx,
    (entities) =>
      entities.market
        .patch({ marketId: market.marketId })
        .set({ ...change, updatedAt })
        // The status is in the list indexes' keys; ElectroDB rebuilds them from these.
        .composite({
          categoryKey: market.categoryKey,
          trendingRank: market.trendingRank,
          liquidityRank: market.liquidityRank,
          expiresAt: market.expiresAt,
        })
        .where(
          (item, { eq }) =>
            `${eq(item.status, market.status)} AND ${eq(item.expiresAt, market.expiresAt)}`,
        )
        .commit(),
    countMoves(market, moved),
    // Closing or resolving shuts the market's gates in the same transaction.
    (entities) => gateWrites(entities, ctx, market, moved),
  );
  if (outcome === "stale") return null;
  await writeSearchTokens(ctx, moved, market);
  return moved;
}

/** Markets closed per Query page of the close step. */
export const closePage = 100;

/**
 * Moves every open market past its end date to `closed`, counters included: a
 * Query of the open markets by end date up to now, then one status move each.
 * The minute's resolution poll runs it, and so does every list of open or
 * closed markets (`listMarkets`, with `atMost` one page), so a market lists as
 * closed and leaves the open list's `total` the moment it expires; with nothing
 * expired, that is one Query that reads no item. Views and bets treat such a
 * market as closed already. A market moved meanwhile by another caller is
 * skipped (`moveStatus` is conditioned). Returns how many it closed.
 */
export async function closeExpiredMarkets(
  ctx: CoreContext,
  options: { atMost?: number } = {},
): Promise<number> {
  const markets = serviceFor(ctx.db).entities.market;
  const atMost = options.atMost ?? Number.POSITIVE_INFINITY;
  // `expiresAt <= now` as a key condition: strictly before the next millisecond.
  const cutoff = new Date(ctx.clock().getTime() + 1).toISOString();
  let closed = 0;
  for (;;) {
    const limit = Math.min(closePage, atMost - closed);
    const { data } = await markets.query
      .byStatusExpiry({ status: "open" })
      .lt({ expiresAt: cutoff })
      .go({ limit });
    let closedNow = 0;
    for (const market of data) {
      if (await moveStatus(ctx, market, { status: "closed" })) closedNow += 1;
    }
    closed += closedNow;
    // Closed markets leave the open index, so the next page is the first one again.
    if (data.length < limit || closedNow === 0 || closed >= atMost) return closed;
  }
}

/**
 * What a list of open or closed markets runs first, so its page and total
 * agree with the end dates: unless this process knows the earliest end date
 * among open markets is still ahead (`list-state.ts`), one Query of the
 * earliest open market; if it has expired, `closeExpiredMarkets` closes a page
 * of them; the next end date ahead is kept for the lists that follow.
 */
export async function closeExpiredOnRead(ctx: CoreContext): Promise<void> {
  if (!mayHaveExpired(ctx)) return;
  const earliest = serviceFor(ctx.db).entities.market.query.byStatusExpiry({ status: "open" });
  let readAt = ctx.clock().getTime();
  let { data } = await earliest.go({ limit: 1 });
  if (data[0] && Date.parse(data[0].expiresAt) <= readAt) {
    if ((await closeExpiredMarkets(ctx, { atMost: closePage })) >= closePage) return;
    readAt = ctx.clock().getTime();
    ({ data } = await earliest.go({ limit: 1 }));
  }
  const next = data[0] ? Date.parse(data[0].expiresAt) : Number.POSITIVE_INFINITY;
  if (next > readAt) rememberNextExpiry(ctx, next, readAt);
}
