import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { placeBet } from "../bets/place";
import { settleMarketPage } from "../bets/settle";
import type { CoreContext } from "../context";
import type { LedgerEntryItem } from "../entities/ledger-entry";
import { resolveMarket } from "../markets/market";
import { saveMarket } from "../markets/save";
import { serviceFor } from "../service";
import { createTestContext, userWithBalance } from "../test-support";
import { consume, grant } from "./operations";
import { getBalance } from "./read";
import { reconcileAll } from "./reconcile-all";

let ctx: CoreContext;

beforeAll(async () => {
  ctx = await createTestContext();
});

async function settledMarket(users: string[], resolution: "this" | "that" | "invalid") {
  const marketId = `m_${randomUUID()}`;
  await saveMarket(ctx, marketId, "credits", {
    title: "Does the ledger add up?",
    description: "",
    category: "Testing",
    thisOption: "Yes",
    thatOption: "No",
    thisOdds: 0.5,
    thatOdds: 0.5,
    bettable: true,
    liquidity: 0,
    volume: 0,
    volume24h: 0,
    expiresAt: "2099-01-01T00:00:00.000Z",
    status: "open",
  });
  for (const [index, userId] of users.entries()) {
    await placeBet(ctx, { userId, marketId, amount: 20, side: index % 2 ? "that" : "this" });
  }
  await resolveMarket(ctx, marketId, resolution);
  while ((await settleMarketPage(ctx, marketId)).more) {}
}

describe("reconcileAll", () => {
  let users: string[];

  beforeAll(async () => {
    users = await Promise.all([1, 2, 3, 4].map(() => userWithBalance(ctx, 500)));
    await settledMarket(users, "this");
    await settledMarket(users, "invalid");
    await consume(ctx, {
      userId: users[0] as string,
      type: "prediction_charge",
      amount: 3,
      reason: "Predict with AI",
      idempotencyKey: `charge#${randomUUID()}`,
    });
    await grant(ctx, {
      userId: users[1] as string,
      type: "daily_reward",
      amount: 100,
      reason: "Daily reward",
      idempotencyKey: `daily#${randomUUID()}`,
    });
  });

  it("reports zero differences on a clean ledger and counts what it read", async () => {
    const report = await reconcileAll(ctx, { segments: 3 });

    expect(report.differences).toEqual([]);
    expect(report.scanned.users).toBeGreaterThanOrEqual(4);
    expect(report.scanned.bets).toBeGreaterThanOrEqual(8);
    expect(report.scanned.entries).toBeGreaterThanOrEqual(4 + 8 + 2 + 4 + 2);
  });

  it("names the user whose balance a test corrupted, and changes nothing", async () => {
    const victim = await userWithBalance(ctx, 500);
    await settledMarket([victim], "this");
    const { balance } = await getBalance(ctx, victim);
    // Corrupt the stored balance behind the ledger's back.
    await serviceFor(ctx.db).entities.user.patch({ userId: victim }).set({ balance: 1234 }).go();

    const report = await reconcileAll(ctx);

    expect(report.differences).toEqual([
      expect.objectContaining({ userId: victim, kind: "balance_mismatch" }),
    ]);
    expect((await getBalance(ctx, victim)).balance).toBe(1234);
    // Put back: the test run ends by reconciling every table, and fails on a difference left.
    await serviceFor(ctx.db).entities.user.patch({ userId: victim }).set({ balance }).go();
    expect((await reconcileAll(ctx)).differences).toEqual([]);
  });

  it("names a broken balanceAfter chain, wrong totals and a bet missing its payout", async () => {
    const victim = await userWithBalance(ctx, 500);
    await settledMarket([victim], "this");
    const service = serviceFor(ctx.db);
    const { data: entries } = await service.entities.ledgerEntry.query
      .byUser({ userId: victim })
      .go({ pages: "all" });
    const payout = entries.find((entry) => entry.type === "bet_payout");
    // Remove the payout: the chain, the balance, the totals and the bet all disagree now.
    await service.entities.ledgerEntry.delete({ userId: victim, seq: payout?.seq as number }).go();

    const kinds = (await reconcileAll(ctx)).differences
      .filter((difference) => difference.userId === victim)
      .map((difference) => difference.kind);

    expect(kinds).toEqual(
      expect.arrayContaining([
        "sequence_gap",
        "balance_mismatch",
        "earned_mismatch",
        "bet_entries_mismatch",
      ]),
    );
    const others = (await reconcileAll(ctx)).differences.filter((d) => d.userId !== victim);
    expect(others).toEqual([]);
    // Put back: the test run ends by reconciling every table, and fails on a difference left.
    await service.entities.ledgerEntry.put(payout as LedgerEntryItem).go();
    expect((await reconcileAll(ctx)).differences).toEqual([]);
  });
});
