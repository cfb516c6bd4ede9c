import { beforeAll, describe, expect, it } from "vitest";
import { placeBet, settleMarketPage } from "../bets";
import type { CoreContext } from "../context";
import { rebuildAggregates } from "../derived/rebuild";
import type { Board } from "../entities/leaderboard";
import type { Resolution } from "../entities/market";
import { openAccount } from "../ledger/open-account";
import { createMarket, resolveMarket } from "../markets";
import { fromCents, toCents } from "../money";
import { serviceFor } from "../service";
import { createTestContext } from "../test-support";
import { type Period, periodKeyAt, periods } from "./periods";
import { runRanking } from "./ranking";
import { readLeaderboard } from "./read";

/**
 * 1,000 users, 100 of them without a bet; bets of a few amounts on a few
 * markets (so many users tie), placed and settled at different times so the
 * month, week and day boards differ from the all-time ones.
 */
const userCount = 1_000;
const bettors = 900;
const amounts = [10, 20, 50];
/** Smaller than the boards, so ranks below the snapshot are exercised too. */
const snapshot = 300;

let now = new Date("2026-05-01T09:00:00.000Z");
let ctx: CoreContext;
const users: { userId: string; username: string }[] = [];

interface PlacedBet {
  userId: string;
  amount: number;
  placedAt: Date;
  settledAt: Date;
  pnlCents: number;
}
const placed: PlacedBet[] = [];

/** Counts DynamoDB requests (and writes) at the SDK, for the request budget checks. */
const requests = { all: 0, writes: 0 };

beforeAll(async () => {
  ctx = await createTestContext(
    { BETS_PER_USER_PER_MINUTE: "1000", LEADERBOARD_SNAPSHOT_SIZE: String(snapshot) },
    // No stream: reading a stream this size on DynamoDB Local is slow for the whole
    // run; the stats come from their recomputation (`catchUp` below) instead.
    { stream: false },
  );
  ctx = { ...ctx, clock: () => now };
  ctx.db.client.middlewareStack.add(
    (next, context) => async (args) => {
      requests.all += 1;
      if (/Put|Update|Delete|BatchWrite|TransactWrite/.test(context.commandName ?? "")) {
        requests.writes += 1;
      }
      return next(args);
    },
    { step: "initialize", name: "countRequests" },
  );
  await inPool(
    Array.from({ length: userCount }, (_, index) => index),
    async (index) => {
      // Usernames in an order unrelated to ids, with mixed case.
      const username = `${index % 2 ? "P" : "p"}${String((index * 7919) % userCount).padStart(4, "0")}`;
      const userId = `user-${String(index).padStart(4, "0")}`;
      await openAccount(ctx, {
        userId,
        username,
        openingGrant: { amount: 1000, type: "signup_bonus", reason: "fixture" },
      });
      users[index] = { userId, username };
    },
  );
  // Placed in May, settled on 1 June: counts for the month's PnL, not its volume.
  await market("2026-05-20T10:00:00Z", "2026-06-01T10:00:00Z", "this", (i) =>
    i < bettors ? { amount: amounts[i % 3] as number, side: i % 5 < 2 ? "this" : "that" } : null,
  );
  // Placed and settled earlier this week (ISO week of 15 June).
  await market("2026-06-15T10:00:00Z", "2026-06-16T10:00:00Z", "that", (i) =>
    i < bettors && i % 2 === 0 ? { amount: amounts[i % 3] as number, side: "that" } : null,
  );
  // Today.
  await market("2026-06-17T08:00:00Z", "2026-06-17T12:00:00Z", "this", (i) =>
    i < bettors && i % 7 < 3 ? { amount: 20, side: i % 3 === 0 ? "that" : "this" } : null,
  );
  // Today, refunded: settled with a PnL of 0.
  await market("2026-06-17T09:00:00Z", "2026-06-17T13:00:00Z", "invalid", (i) =>
    i < bettors && i % 11 === 0 ? { amount: 10, side: "this" } : null,
  );
  now = new Date("2026-06-17T20:00:00.000Z");
}, 600_000);

async function market(
  placedAt: string,
  settledAt: string,
  resolution: Resolution,
  betOf: (index: number) => { amount: number; side: "this" | "that" } | null,
) {
  now = new Date("2026-05-01T09:00:00.000Z");
  const created = await createMarket(ctx, {
    title: `Fixture market ${placedAt}`,
    description: "",
    thisOption: "Yes",
    thatOption: "No",
    thisOdds: 0.5,
    thatOdds: 0.5,
    expiresAt: "2099-01-01T00:00:00Z",
  });
  now = new Date(placedAt);
  const bets: { userId: string; amount: number; side: "this" | "that" }[] = [];
  for (const [index, user] of users.entries()) {
    const bet = betOf(index);
    if (bet) bets.push({ userId: user.userId, ...bet });
  }
  await inPool(bets, async (bet) => {
    await placeBet(ctx, { ...bet, marketId: created.marketId });
  });
  now = new Date(settledAt);
  await resolveMarket(ctx, created.marketId, resolution);
  while ((await settleMarketPage(ctx, created.marketId)).more) {
    // every page settles the first pending bets again
  }
  for (const bet of bets) {
    const payout =
      resolution === "invalid" ? bet.amount : resolution === bet.side ? bet.amount * 2 : 0;
    placed.push({
      userId: bet.userId,
      amount: bet.amount,
      placedAt: new Date(placedAt),
      settledAt: new Date(settledAt),
      pnlCents: resolution === "invalid" ? 0 : toCents(payout) - toCents(bet.amount),
    });
  }
}

/** The straightforward computation the job must agree with. */
function expectedBoard(board: Board, period: Period) {
  const key = periodKeyAt(period, now);
  const byUser = new Map<
    string,
    { pnl: number; volume: number; placed: number; settled: number }
  >();
  for (const bet of placed) {
    const totals = byUser.get(bet.userId) ?? { pnl: 0, volume: 0, placed: 0, settled: 0 };
    if (periodKeyAt(period, bet.placedAt) === key) {
      totals.volume += toCents(bet.amount);
      totals.placed += 1;
    }
    if (periodKeyAt(period, bet.settledAt) === key) {
      totals.pnl += bet.pnlCents;
      totals.settled += 1;
    }
    byUser.set(bet.userId, totals);
  }
  const usernames = new Map(users.map((user) => [user.userId, user.username]));
  const members = [...byUser]
    .filter(([, totals]) => (board === "pnl" ? totals.settled : totals.placed) > 0)
    .map(([userId, totals]) => ({
      userId,
      username: usernames.get(userId) as string,
      pnl: fromCents(totals.pnl),
      volume: fromCents(totals.volume),
      score: board === "pnl" ? totals.pnl : totals.volume,
    }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.username.toLowerCase().localeCompare(b.username.toLowerCase()) ||
        a.userId.localeCompare(b.userId),
    );
  return members.map((member, index) => {
    let rank = index + 1;
    for (let before = index - 1; before >= 0 && members[before]?.score === member.score; before--) {
      rank = before + 1;
    }
    const { score: _score, ...row } = member;
    return { rank, ...row };
  });
}

async function boardAsRead(board: Board, period: Period) {
  const page = await readLeaderboard(ctx, { board, period, limit: 1_000 });
  return {
    total: page.total,
    rows: page.rows.map(({ rank, userId, username, pnl, volume }) => ({
      rank,
      userId,
      username,
      pnl,
      volume,
    })),
  };
}

async function storedRanks() {
  const { data } = await serviceFor(ctx.db)
    .entities.user.get(users.map(({ userId }) => ({ userId })))
    .go({ attributes: ["userId", "rankByPnL", "rankByVolume"] });
  return new Map(data.map((user) => [user.userId, user]));
}

/**
 * Boards, and the stored ranks of `rankedUsers` (everyone by default). After a
 * later run, users below the snapshot who did not change keep their rank
 * (docs/ranking.md): the check then covers the snapshot and the changed users.
 */
async function expectEverythingToMatch(rankedUsers?: (board: Board) => Set<string>) {
  for (const board of ["pnl", "volume"] as const) {
    for (const period of periods) {
      const expected = expectedBoard(board, period);
      const read = await boardAsRead(board, period);
      expect(read.rows, `${board} ${period}`).toEqual(expected.slice(0, snapshot));
      expect(read.total, `${board} ${period}`).toBe(expected.length);
    }
  }
  const ranks = await storedRanks();
  for (const board of ["pnl", "volume"] as const) {
    const field = board === "pnl" ? "rankByPnL" : "rankByVolume";
    const expected = new Map(expectedBoard(board, "all").map((row) => [row.userId, row.rank]));
    const checked = rankedUsers?.(board);
    for (const { userId } of users) {
      if (checked && !checked.has(userId)) continue;
      expect(ranks.get(userId)?.[field], `${field} of ${userId}`).toBe(expected.get(userId));
    }
  }
}

/**
 * The derived stats and rank marks the stream consumer would have written: set
 * from their recomputation (the same rules, `derived/effects.ts`), which marks
 * exactly the users whose stats changed.
 */
async function catchUp() {
  await rebuildAggregates(ctx);
}

describe("the ranking job on 1,000 users", () => {
  it("produces ranks and boards equal to an in-memory computation, for every period", async () => {
    // The stats and marks the job starts from, as the stream consumer derives them.
    await catchUp();
    const started = performance.now();
    const before = { ...requests };
    const report = await runRanking(ctx);
    const measured = {
      ...report,
      ms: Math.round(performance.now() - started),
      requests: requests.all - before.all,
      writeRequests: requests.writes - before.writes,
    };
    if (process.env.RANKING_MEASURE)
      process.stdout.write(`first run ${JSON.stringify(measured)}\n`);

    expect(report.changedUsers).toBe(bettors);
    await expectEverythingToMatch();
    expect(expectedBoard("pnl", "all").length).toBeGreaterThan(snapshot * 2);
    // Sanity of the fixture itself: ties, users off the boards, periods that differ.
    const all = expectedBoard("pnl", "all");
    expect(new Set(all.map((row) => row.rank)).size).toBeLessThan(all.length / 10);
    expect(all).toHaveLength(bettors);
    expect(expectedBoard("volume", "month").length).toBeLessThan(bettors);
    expect(expectedBoard("pnl", "day").length).toBeLessThan(expectedBoard("pnl", "week").length);
  }, 300_000);

  it("writes nothing on a second run with nothing changed", async () => {
    const before = { ...requests };
    const report = await runRanking(ctx);

    expect(report).toEqual({ changedUsers: 0, boardsRebuilt: 0, writes: 0, ranksWritten: 0 });
    expect(requests.writes - before.writes).toBe(0);
  });

  it("reads a page in at most 2 DynamoDB requests, around=me included", async () => {
    const me = expectedBoard("pnl", "all")[150] as { userId: string };
    for (const query of [
      { board: "pnl" as const, limit: 100 },
      { board: "volume" as const, period: "week" as const, limit: 20, offset: 40 },
      { board: "pnl" as const, limit: 50, around: true, callerId: me.userId },
    ]) {
      const before = requests.all;
      const page = await readLeaderboard(ctx, query);
      expect(requests.all - before, JSON.stringify(query)).toBeLessThanOrEqual(2);
      expect(page.rows.length).toBeGreaterThan(0);
    }
    const around = await readLeaderboard(ctx, {
      board: "pnl",
      limit: 50,
      around: true,
      callerId: me.userId,
    });
    expect(around.rows.map((row) => row.userId)).toContain(me.userId);
    expect(around.offset % 50).toBe(0);
  });

  it("follows a later settlement with work for the users who changed only", async () => {
    const lucky = users.slice(0, 3);
    await market("2026-06-17T14:00:00Z", "2026-06-17T15:00:00Z", "this", (i) =>
      i < 3 ? { amount: 50, side: "this" } : null,
    );
    now = new Date("2026-06-17T20:00:00.000Z");
    await catchUp();
    const before = { ...requests };
    const report = await runRanking(ctx);
    const measured = {
      ...report,
      requests: requests.all - before.all,
      writeRequests: requests.writes - before.writes,
    };
    if (process.env.RANKING_MEASURE)
      process.stdout.write(`small run ${JSON.stringify(measured)}\n`);

    expect(report.changedUsers).toBe(lucky.length);
    await expectEverythingToMatch(
      (board) =>
        new Set([
          ...lucky.map((user) => user.userId),
          ...expectedBoard(board, "all")
            .slice(0, snapshot)
            .map((row) => row.userId),
        ]),
    );
  }, 120_000);
});

async function inPool<T>(items: T[], run: (item: T) => Promise<void>, size = 16) {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) await run(items[next++] as T);
    }),
  );
}
