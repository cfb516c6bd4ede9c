import { unmarshall } from "@aws-sdk/util-dynamodb";
import type { CoreContext } from "../context";
import type { Db } from "../db";
import type { MarketItem } from "../entities/market";
import { notifyOnce } from "../notifications/write";
import { serviceFor } from "../service";
import type { StreamRecord } from "./changes";
import { draft } from "./notifications";

/** A market that closed to bets, as its stream record tells it. */
export interface MarketClosing {
  marketId: string;
  title: string;
  /** The market's `updatedAt` at the close: the same record always names the same notices. */
  closedAt: string;
}

/** Bettors told at once. */
const concurrency = 8;

/**
 * The market a stream record shows going from `open` to `closed` (its end
 * date passed, or the mirror or an admin closed it), or null. Read from the
 * raw images first, so the many other market updates (odds every sync) are
 * not parsed.
 */
export function marketClosingOf(db: Db, record: StreamRecord): MarketClosing | null {
  const images = record.dynamodb;
  const after = images?.NewImage;
  if (after?.__edb_e__?.S !== "market" || after.status?.S !== "closed") return null;
  if (images?.OldImage?.status?.S !== "open") return null;
  const { data } = serviceFor(db).entities.market.parse({ Item: unmarshall(after) });
  const market = data as MarketItem | null;
  if (!market) return null;
  return { marketId: market.marketId, title: market.title, closedAt: market.updatedAt };
}

/**
 * Tells every user with a pending bet on the market that it closed and their
 * bets await its resolution (issue 25): one notification per bettor, however
 * many bets they hold, each written once (`notifyOnce`: its id is the close's
 * time and the market), so a redelivered record tells no one twice. The
 * bettors come from the market's pending bets (`pendingByMarket`), a page at
 * a time; a market resolved before the consumer reads its close has none
 * pending, and its bettors hear of the settlement instead.
 */
export async function notifyMarketClosed(
  ctx: CoreContext,
  closing: MarketClosing,
): Promise<number> {
  const bets = serviceFor(ctx.db).entities.bet;
  const told = new Set<string>();
  let cursor: string | null = null;
  let written = 0;
  do {
    const page: { data: { userId: string }[]; cursor: string | null } = await bets.query
      .pendingByMarket({ marketId: closing.marketId, status: "pending" })
      .go({ cursor, attributes: ["userId"], limit: 500 });
    const fresh = [...new Set(page.data.map((bet) => bet.userId))].filter((id) => !told.has(id));
    for (const userId of fresh) told.add(userId);
    for (let start = 0; start < fresh.length; start += concurrency) {
      const done = await Promise.all(
        fresh.slice(start, start + concurrency).map((userId) =>
          notifyOnce(
            ctx,
            draft(ctx.config, {
              userId,
              source: `closed#${closing.marketId}`,
              kind: "market_closed",
              title: "Market closed",
              body: `“${closing.title}” closed to bets. Your bets on it await its resolution.`,
              marketId: closing.marketId,
              createdAt: closing.closedAt,
            }),
          ),
        ),
      );
      written += done.filter(Boolean).length;
    }
    cursor = page.cursor;
  } while (cursor);
  return written;
}
