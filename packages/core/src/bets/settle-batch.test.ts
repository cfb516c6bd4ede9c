import { beforeAll, describe, expect, it } from "vitest";
import type { CoreContext } from "../context";
import type { BetItem } from "../entities/bet";
import { postLedgerEntry } from "../ledger/post";
import { history } from "../ledger/read";
import { reconcile } from "../ledger/reconcile";
import { resolveMarket } from "../markets/market";
import { serviceFor } from "../service";
import { anOpenMarket, createTestContext, userWithBalance } from "../test-support";
import { placeBet } from "./place";
import { settleBets, settleMarketPage } from "./settle";

let ctx: CoreContext;

/** DynamoDB requests by command, counted at the SDK while `counting` is on. */
const requests = new Map<string, number>();
let counting = false;
/** Runs once before the next TransactWriteItems goes out (a user acting mid-settlement). */
let beforeNextTransaction: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ctx = await createTestContext({ BETS_PER_USER_PER_MINUTE: "1000" });
  ctx.db.client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? "?";
      if (counting) requests.set(command, (requests.get(command) ?? 0) + 1);
      if (command === "TransactWriteItemsCommand" && beforeNextTransaction) {
        const act = beforeNextTransaction;
        beforeNextTransaction = undefined;
        await act();
      }
      return next(args);
    },
    { step: "initialize", name: "countSettlementRequests" },
  );
});

function total(): number {
  return [...requests.values()].reduce((sum, count) => sum + count, 0);
}

/** A market at 0.5 / 0.5 where each user bets `betsEach` times of 10, alternating sides, then resolved. */
async function settledMarket(users: string[], betsEach: number, resolution: "this" | "that") {
  const marketId = await anOpenMarket(ctx, { thisOdds: 0.5, liquidity: 1_000_000 });
  const bets: BetItem[] = [];
  await Promise.all(
    users.map(async (userId) => {
      for (let n = 0; n < betsEach; n++) {
        const side = n % 2 ? "that" : "this";
        bets.push((await placeBet(ctx, { userId, marketId, amount: 10, side })).bet);
      }
    }),
  );
  await resolveMarket(ctx, marketId, resolution);
  return { marketId, bets };
}

async function expectConsistent(users: string[]) {
  for (const userId of users) {
    expect((await reconcile(ctx, userId)).consistent, userId).toBe(true);
  }
}

async function userItem(userId: string) {
  const { data } = await serviceFor(ctx.db).entities.user.get({ userId }).go({ consistent: true });
  return data;
}

describe("batched settlement", () => {
  it("settles a page of winners and losers in at most 0.1 DynamoDB requests per bet", async () => {
    const users = await Promise.all(Array.from({ length: 10 }, () => userWithBalance(ctx, 1000)));
    const { marketId, bets } = await settledMarket(users, 8, "this");
    requests.clear();
    counting = true;

    const page = await settleMarketPage(ctx, marketId, 500);

    counting = false;
    expect(page.outcomes).toEqual({ won: 40, lost: 40, cancelled: 0, "already settled": 0 });
    expect(page.more).toBe(false);
    expect(total(), JSON.stringify(Object.fromEntries(requests))).toBeLessThanOrEqual(
      0.1 * bets.length,
    );
    // 4 wins of 20 (payout 20 at 0.5) on 8 bets of 10: 1000 - 80 + 80 = 1000, PnL +40 - 40.
    for (const userId of users) {
      const user = await userItem(userId);
      expect(user).toMatchObject({ balance: 1000, pnl: 0, bets_won: 4, bets_lost: 4 });
      expect(user?.bets_pending).toBe(0);
      expect(user?.entries_bet_payout).toBe(4);
    }
    await expectConsistent(users);
  }, 120_000);

  it("gives one user's payouts in a page consecutive sequence numbers and balances", async () => {
    const userId = await userWithBalance(ctx, 1000);
    const { bets } = await settledMarket([userId], 8, "this");
    const before = (await userItem(userId))?.ledgerSeq ?? 0;

    const { outcomes } = await settleBets(ctx, bets, "this");

    expect(outcomes).toMatchObject({ won: 4, lost: 4 });
    const { entries } = await history(ctx, userId, { limit: 10 });
    const payouts = entries.filter((entry) => entry.type === "bet_payout");
    expect(payouts.map((entry) => entry.seq).sort((a, b) => a - b)).toEqual([
      before + 1,
      before + 2,
      before + 3,
      before + 4,
    ]);
    expect(payouts.map((entry) => entry.balanceAfter).sort((a, b) => a - b)).toEqual([
      940, 960, 980, 1000,
    ]);
    expect(payouts.every((entry) => entry.idempotencyKey?.startsWith("bet_payout#"))).toBe(true);
    await expectConsistent([userId]);
  });

  it("pays nothing twice when a page is replayed after part of it settled", async () => {
    const users = await Promise.all(Array.from({ length: 4 }, () => userWithBalance(ctx, 1000)));
    const { bets } = await settledMarket(users, 6, "that");
    const firstHalf = bets.slice(0, bets.length / 2);

    const crashed = await settleBets(ctx, firstHalf, "that");
    const replay = await settleBets(ctx, bets, "that");
    const again = await settleBets(ctx, bets, "that");

    expect(crashed.outcomes.won + crashed.outcomes.lost).toBe(firstHalf.length);
    expect(replay.outcomes["already settled"]).toBe(firstHalf.length);
    expect(replay.outcomes.won + replay.outcomes.lost).toBe(bets.length - firstHalf.length);
    expect(again.outcomes["already settled"]).toBe(bets.length);
    for (const userId of users) {
      expect(await userItem(userId)).toMatchObject({ balance: 1000, bets_won: 3, bets_lost: 3 });
    }
    await expectConsistent(users);
  });

  it("reads a user again and retries when they bet while their payouts are in flight", async () => {
    const users = await Promise.all(Array.from({ length: 3 }, () => userWithBalance(ctx, 1000)));
    const { bets } = await settledMarket(users, 4, "this");
    const otherMarket = await anOpenMarket(ctx, { thisOdds: 0.5, liquidity: 1_000_000 });
    // Between the batch's read of the users and its first transaction, one of them bets.
    beforeNextTransaction = async () => {
      await placeBet(ctx, {
        userId: users[0] as string,
        marketId: otherMarket,
        amount: 25,
        side: "this",
      });
    };
    requests.clear();
    counting = true;

    const { outcomes } = await settleBets(ctx, bets, "this");

    counting = false;
    expect(beforeNextTransaction).toBeUndefined();
    expect(outcomes).toMatchObject({ won: 6, lost: 6, "already settled": 0 });
    expect(requests.get("TransactWriteItemsCommand")).toBeGreaterThanOrEqual(2);
    expect(await userItem(users[0] as string)).toMatchObject({ balance: 975, bets_pending: 1 });
    expect(await userItem(users[1] as string)).toMatchObject({ balance: 1000, bets_pending: 0 });
    await expectConsistent(users);
  });

  it("credits payouts only up to the balance cap and records the rest as forfeited", async () => {
    const capped = await createTestContext({
      BALANCE_CAP: "2000",
      BETS_PER_USER_PER_MINUTE: "1000",
    });
    const userId = await userWithBalance(capped, 1000);
    const marketId = await anOpenMarket(capped, { thisOdds: 0.5, liquidity: 1_000_000 });
    const bets: BetItem[] = [];
    for (let n = 0; n < 2; n++) {
      bets.push((await placeBet(capped, { userId, marketId, amount: 100, side: "this" })).bet);
    }
    await postLedgerEntry(capped, {
      userId,
      amount: 1150,
      type: "admin_grant",
      reason: "close to the cap",
    });
    await resolveMarket(capped, marketId, "this");

    const { outcomes } = await settleBets(capped, bets, "this");

    expect(outcomes.won).toBe(2);
    const { entries } = await history(capped, userId, { limit: 2 });
    expect(entries.map((entry) => [entry.amount, entry.forfeited, entry.balanceAfter])).toEqual([
      [0, 200, 2000],
      [50, 150, 2000],
    ]);
    const { data: settled } = await serviceFor(capped.db)
      .entities.bet.get(bets.map(({ betId }) => ({ betId })))
      .go({ consistent: true });
    expect(settled.map((bet) => bet.actualPayout).sort()).toEqual([0, 50]);
    expect((await reconcile(capped, userId)).consistent).toBe(true);
  });
});
