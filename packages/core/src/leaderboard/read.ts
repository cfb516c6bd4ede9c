import type { CoreContext } from "../context";
import type { Board, LeaderboardRowItem } from "../entities/leaderboard";
import { InvalidCursor, ValidationFailed } from "../errors";
import { serviceFor } from "../service";
import { AroundMeNeedsUser } from "./errors";
import { type Period, periodKeyAt } from "./periods";

export const maxLeaderboardLimit = 1_000;
export const maxLeaderboardOffset = 10_000;

export interface LeaderboardQuery {
  board: Board;
  period?: Period | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
  cursor?: string | undefined;
  /** `?around=me`: the page holding the caller (the offset is chosen for it). */
  around?: boolean | undefined;
  /** The signed-in caller, if any. */
  callerId?: string | undefined;
}

export interface LeaderboardPage {
  rows: LeaderboardRowItem[];
  /** Users on this board for this period (the head's counter, kept by the ranking job). */
  total: number;
  limit: number;
  offset: number;
  nextCursor: string | null;
}

/**
 * One page of a board's snapshot. At most two DynamoDB requests: the head
 * (GetItem, or with `around` a TransactGetItems of the head and the caller's
 * position) and one Query on the position range, whose `Limit` is the page.
 */
export async function readLeaderboard(
  ctx: CoreContext,
  query: LeaderboardQuery,
): Promise<LeaderboardPage> {
  const limit = query.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLeaderboardLimit) {
    throw new ValidationFailed("Invalid limit", { limit: `must be 1 to ${maxLeaderboardLimit}` });
  }
  if (query.around && !query.callerId) throw new AroundMeNeedsUser();
  if (query.cursor && query.offset !== undefined) {
    throw new ValidationFailed("Use cursor or offset, not both", {
      cursor: "cannot be combined with offset",
    });
  }
  let offset = query.cursor ? decodeCursor(query.cursor) : (query.offset ?? 0);
  if (!Number.isInteger(offset) || offset < 0 || offset > maxLeaderboardOffset) {
    throw new ValidationFailed("Invalid offset", {
      offset: `must be 0 to ${maxLeaderboardOffset}`,
    });
  }
  const board = query.board;
  const periodKey = periodKeyAt(query.period ?? "all", ctx.clock());
  const service = serviceFor(ctx.db);
  const readRows = (from: number) =>
    service.entities.leaderboardRow.query
      .byPosition({ board, periodKey })
      .between({ position: from + 1 }, { position: from + limit })
      .go({ limit });

  let total: number;
  let rows: LeaderboardRowItem[];
  const callerId = query.around ? query.callerId : undefined;
  if (callerId) {
    const found = await service.transaction
      .get(({ leaderboardHead, leaderboardPosition }) => [
        leaderboardHead.get({ board, periodKey }).commit(),
        leaderboardPosition.get({ board, periodKey, userId: callerId }).commit(),
      ])
      .go();
    const [head, position] = found.data;
    total = head?.item?.total ?? 0;
    const mine = position?.item?.position;
    offset = mine ? Math.floor((mine - 1) / limit) * limit : 0;
    rows = (await readRows(offset)).data;
  } else {
    const [head, page] = await Promise.all([
      service.entities.leaderboardHead.get({ board, periodKey }).go(),
      readRows(offset),
    ]);
    total = head.data?.total ?? 0;
    rows = page.data;
  }
  const next = offset + limit;
  return {
    rows,
    total,
    limit,
    offset,
    nextCursor: next < total && next <= maxLeaderboardOffset ? encodeCursor(next) : null,
  };
}

function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString("base64url");
}

function decodeCursor(cursor: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { o?: unknown };
    if (typeof parsed.o === "number" && Number.isInteger(parsed.o) && parsed.o >= 0)
      return parsed.o;
  } catch {
    // falls through to the 400
  }
  throw new InvalidCursor();
}
