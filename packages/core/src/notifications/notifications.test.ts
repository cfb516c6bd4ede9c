import { beforeAll, describe, expect, it } from "vitest";
import { postAdminCredit } from "../admin/credits";
import { cashOut, quoteCashout } from "../bets/cashout";
import { placeBet } from "../bets/place";
import { settleMarketPage } from "../bets/settle";
import type { CoreContext } from "../context";
import { consumeRecords } from "../derived/consume";
import { streamRecords } from "../derived/local-stream";
import type { NotificationItem } from "../entities/notification";
import { postLedgerEntry } from "../ledger/post";
import { postTransfer } from "../ledger/transfer";
import { getMarket, resolveMarket } from "../markets/market";
import { moveStatus } from "../markets/status";
import { refundSession } from "../predictions/refund";
import { serviceFor } from "../service";
import { anOpenMarket, aUser, createTestContext, drainDerived } from "../test-support";
import { markRead } from "./mark";
import { listNotifications, unreadCount } from "./read";

/**
 * Notifications come from the table's stream (issue 25): the consumer writes
 * each once, whatever the stream redelivers, and keeps the unread count with it.
 */
let ctx: CoreContext;

beforeAll(async () => {
  ctx = await createTestContext({}, { stream: true });
});

async function inbox(userId: string): Promise<NotificationItem[]> {
  return (await listNotifications(ctx, userId, { limit: 100 })).items;
}

const ofKind = (items: NotificationItem[], kind: NotificationItem["kind"]) =>
  items.filter((item) => item.kind === kind);

describe("notifications from the stream", () => {
  it("tells each bettor of a settlement once, and a replayed batch adds none", async () => {
    const [alice, bob] = await Promise.all([
      aUser(ctx, { balance: 500 }),
      aUser(ctx, { balance: 500 }),
    ]);
    const marketId = await anOpenMarket(ctx);
    const { bet: won } = await placeBet(ctx, {
      userId: alice,
      marketId,
      amount: 100,
      side: "this",
    });
    const { bet: lost } = await placeBet(ctx, { userId: bob, marketId, amount: 40, side: "that" });
    await resolveMarket(ctx, marketId, "this");
    await settleMarketPage(ctx, marketId);
    const records = await streamRecords(ctx);

    await consumeRecords(ctx, records);
    const again = await consumeRecords(ctx, records);

    expect(again.applied).toBe(0);
    const [aliceInbox, bobInbox] = [await inbox(alice), await inbox(bob)];
    expect(ofKind(aliceInbox, "bet_won")).toMatchObject([
      { betId: won.betId, marketId, amount: won.potentialPayout, read: false },
    ]);
    expect(ofKind(aliceInbox, "bet_won")[0]?.body).toContain("paid");
    expect(ofKind(bobInbox, "bet_lost")).toMatchObject([{ betId: lost.betId, marketId }]);
    expect(aliceInbox.filter((item) => item.kind.startsWith("bet_"))).toHaveLength(1);
    expect(bobInbox.filter((item) => item.kind.startsWith("bet_"))).toHaveLength(1);
    // Each user's opening grant and their settlement: nothing counted twice.
    expect(await unreadCount(ctx, alice)).toBe(aliceInbox.length);
    expect(await unreadCount(ctx, bob)).toBe(bobInbox.length);
  });

  it("shows an admin's reason, and tells once when the balance falls under LOW_CREDIT_NOTICE", async () => {
    const userId = await aUser(ctx, { balance: 20 });
    const marketId = await anOpenMarket(ctx);
    await postAdminCredit(ctx, {
      adminId: "admin-1",
      userId,
      type: "admin_adjustment",
      amount: -8,
      reason: "Duplicate payout corrected",
    });
    // 12 → 2 crosses the notice (5); 2 → 0 stays under it.
    await placeBet(ctx, { userId, marketId, amount: 10, side: "this" });
    await postAdminCredit(ctx, {
      adminId: "admin-1",
      userId,
      type: "admin_adjustment",
      amount: -2,
      reason: "Rounding",
    });
    await drainDerived(ctx);

    const items = await inbox(userId);
    expect(ofKind(items, "admin_adjustment").map((item) => item.body)).toEqual([
      "−2 credits by an admin: Rounding",
      "−8 credits by an admin: Duplicate payout corrected",
    ]);
    expect(ofKind(items, "low_credits")).toHaveLength(1);
    expect(ofKind(items, "admin_grant")[0]?.body).toContain("test balance");
  });
  it("tells of a cash-out with what it credited, and of a refunded prediction with its session", async () => {
    const userId = await aUser(ctx, { balance: 100 });
    const marketId = await anOpenMarket(ctx);
    const { bet } = await placeBet(ctx, { userId, marketId, amount: 20, side: "this" });
    const quote = await quoteCashout(ctx, userId, bet.betId);
    await cashOut(ctx, userId, bet.betId, quote.quoteId);
    const sessionId = `s-${userId}`;
    const now = ctx.clock().toISOString();
    await serviceFor(ctx.db)
      .entities.predictionSession.create({
        sessionId,
        userId,
        marketId,
        marketTitle: "A market",
        selectedModels: ["consensus"],
        charged: 1,
        status: "generating",
        step: "models",
        createdAt: now,
        updatedAt: now,
      })
      .go();
    await refundSession(ctx, sessionId, "every model failed");
    await drainDerived(ctx);

    const items = await inbox(userId);
    expect(ofKind(items, "bet_cashed_out")).toMatchObject([
      { betId: bet.betId, marketId, amount: quote.amount },
    ]);
    expect(ofKind(items, "session_refunded")).toMatchObject([{ sessionId, marketId, amount: 1 }]);
  });

  it("tells the receiver of a gift with its note, and a buyer that the credits arrived", async () => {
    const [sender, receiver] = await Promise.all([
      aUser(ctx, { balance: 100 }),
      aUser(ctx, { balance: 10 }),
    ]);
    await postTransfer(ctx, {
      fromUserId: sender,
      toUserId: receiver,
      amount: 25.5,
      reasons: { sender: "Gift to @rita: thanks", receiver: "Gift from @sam: thanks" },
      idempotencyKey: `transfer#${sender}#1`,
    });
    await postLedgerEntry(ctx, {
      userId: receiver,
      amount: 550,
      type: "purchase",
      reason: "Bought 550 credits",
      idempotencyKey: `purchase#cs_${receiver}`,
    });
    await drainDerived(ctx);

    const received = await inbox(receiver);
    expect(ofKind(received, "transfer_in")).toMatchObject([
      { amount: 25.5, body: "25.50 credits: Gift from @sam: thanks" },
    ]);
    expect(ofKind(received, "purchase")).toMatchObject([{ amount: 550 }]);
    // The sender hears nothing of their own gift (their balance stays above the notice).
    expect(ofKind(await inbox(sender), "transfer_in")).toEqual([]);
    expect(ofKind(await inbox(sender), "purchase")).toEqual([]);
  });
});

describe("a market closing", () => {
  it("tells each of its bettors once, however many bets and deliveries", async () => {
    const [alice, bob, carol] = await Promise.all([
      aUser(ctx, { balance: 100 }),
      aUser(ctx, { balance: 100 }),
      aUser(ctx, { balance: 100 }),
    ]);
    const marketId = await anOpenMarket(ctx, { title: "Will the bridge open in May?" });
    const other = await anOpenMarket(ctx);
    await placeBet(ctx, { userId: alice, marketId, amount: 10, side: "this" });
    await placeBet(ctx, { userId: alice, marketId, amount: 12, side: "that" });
    await placeBet(ctx, { userId: bob, marketId, amount: 10, side: "that" });
    await placeBet(ctx, { userId: carol, marketId: other, amount: 10, side: "this" });
    await drainDerived(ctx);
    const before = { alice: await unreadCount(ctx, alice), bob: await unreadCount(ctx, bob) };
    await moveStatus(ctx, await getMarket(ctx, marketId), { status: "closed" });
    const records = await streamRecords(ctx);

    await consumeRecords(ctx, records);
    await consumeRecords(ctx, records);

    for (const userId of [alice, bob]) {
      expect(ofKind(await inbox(userId), "market_closed")).toMatchObject([
        {
          marketId,
          body: "“Will the bridge open in May?” closed to bets. Your bets on it await its resolution.",
        },
      ]);
    }
    expect(await unreadCount(ctx, alice)).toBe(before.alice + 1);
    expect(await unreadCount(ctx, bob)).toBe(before.bob + 1);
    expect(ofKind(await inbox(carol), "market_closed")).toEqual([]);
  });
});

describe("reading and marking", () => {
  it("lists newest first, marks the ids given once, then all, and keeps the count exact", async () => {
    const userId = await aUser(ctx, { balance: 20 });
    for (const amount of [1, 2, 3]) {
      await postAdminCredit(ctx, {
        adminId: "admin-1",
        userId,
        type: "admin_grant",
        amount,
        reason: `Gift ${amount}`,
      });
    }
    await drainDerived(ctx);
    const items = await inbox(userId);
    expect(items.map((item) => item.amount)).toEqual([3, 2, 1, 20]);
    expect(await unreadCount(ctx, userId)).toBe(4);
    const [newest, second] = items.map((item) => item.notificationId) as [string, string];

    const first = await markRead(ctx, userId, { ids: [newest, "nope"] });
    const repeated = await markRead(ctx, userId, { ids: [newest] });
    const other = await aUser(ctx);
    const notMine = await markRead(ctx, other, { ids: [second] });

    expect(first).toEqual({ marked: 1, unread: 3 });
    expect(repeated).toEqual({ marked: 0, unread: 3 });
    expect(notMine).toEqual({ marked: 0, unread: 0 });
    expect((await inbox(userId)).map((item) => item.read)).toEqual([true, false, false, false]);

    expect(await markRead(ctx, userId, { all: true })).toEqual({ marked: 3, unread: 0 });
    expect((await inbox(userId)).every((item) => item.read)).toBe(true);
  });

  it("pages with the list cursor and refuses ids and all together", async () => {
    const userId = await aUser(ctx, { balance: 20 });
    await postAdminCredit(ctx, {
      adminId: "a",
      userId,
      type: "admin_grant",
      amount: 1,
      reason: "x",
    });
    await drainDerived(ctx);
    const page = await listNotifications(ctx, userId, { limit: 1 });
    expect(page.items).toHaveLength(1);
    const next = await listNotifications(ctx, userId, { limit: 1, cursor: page.nextCursor });
    expect(next.items[0]?.amount).toBe(20);
    expect(next.nextCursor).toBeNull();
    await expect(markRead(ctx, userId, { ids: ["x"], all: true })).rejects.toMatchObject({
      code: "VALIDATION_ERROR",
    });
    expect(page.dailyRewardReady).toBe(true);
  });
});
