import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { setPreferences } from "../accounts/preferences";
import { placeBet } from "../bets/place";
import { settleMarketPage } from "../bets/settle";
import type { CoreContext } from "../context";
import type { EmailSender } from "../email/email";
import { OutboxEmailSender, type StoredEmail } from "../email/outbox";
import { UserNotFound } from "../errors";
import { resolveMarket } from "../markets/market";
import { listNotifications } from "../notifications/read";
import { anOpenMarket, aUser, createTestContext } from "../test-support";
import { consumeRecords } from "./consume";
import { streamRecords } from "./local-stream";

/**
 * Payout emails (issue 25): off by default, on by the user's preference, sent
 * by the stream consumer for the `bet_won` notifications it wrote for the
 * first time, so at most once per won bet whatever the stream redelivers.
 */
let ctx: CoreContext;

beforeAll(async () => {
  ctx = await createTestContext({ PUBLIC_URL: "https://market.example/" }, { stream: true });
});

const anOutbox = () => new OutboxEmailSender(mkdtempSync(join(tmpdir(), "payout-outbox-")));

async function emailsTo(outbox: OutboxEmailSender, userId: string): Promise<StoredEmail[]> {
  return (await outbox.list(500)).filter((email) => email.to === `${userId}@example.com`);
}

/** A market resolved `this` and settled, with one bet per bettor on the side given. */
async function aSettledMarket(bettors: [string, "this" | "that"][]) {
  const marketId = await anOpenMarket(ctx);
  const bets = [];
  for (const [userId, side] of bettors) {
    bets.push((await placeBet(ctx, { userId, marketId, amount: 50, side })).bet);
  }
  await resolveMarket(ctx, marketId, "this");
  await settleMarketPage(ctx, marketId);
  return bets;
}

describe("payout emails", () => {
  it("emails an opted-in winner once however often the batch comes, and a loser or a winner who did not ask none", async () => {
    const [winner, loser, quiet] = await Promise.all([
      aUser(ctx, { balance: 500, email: true }),
      aUser(ctx, { balance: 500, email: true }),
      aUser(ctx, { balance: 500, email: true }),
    ]);
    await setPreferences(ctx, winner, { emailPayouts: true });
    await setPreferences(ctx, loser, { emailPayouts: true });
    const [won] = await aSettledMarket([
      [winner, "this"],
      [loser, "that"],
      [quiet, "this"],
    ]);
    const records = await streamRecords(ctx);
    const outbox = anOutbox();
    const consumer = { ...ctx, email: outbox };

    // Two consumers handed the same batch at once, then a redelivery.
    const [first, second] = await Promise.all([
      consumeRecords(consumer, records),
      consumeRecords(consumer, records),
    ]);
    const again = await consumeRecords(consumer, records);

    expect((first.emails?.sent ?? 0) + (second.emails?.sent ?? 0)).toBe(1);
    expect(again).toMatchObject({ applied: 0, written: [], emails: { sent: 0, failed: 0 } });
    const emails = await emailsTo(outbox, winner);
    expect(emails).toHaveLength(1);
    const [email] = emails as [StoredEmail];
    expect(email.subject).toBe(`Your bet won: ${won?.potentialPayout} credits paid`);
    expect(email.text).toContain(`“${won?.marketTitle}”`);
    expect(email.text).toContain(`https://market.example/bets/${won?.betId}`);
    expect(await emailsTo(outbox, loser)).toEqual([]);
    expect(await emailsTo(outbox, quiet)).toEqual([]);
    // The winner who did not ask still has the notification in the inbox.
    const inbox = await listNotifications(ctx, quiet, { limit: 10 });
    expect(inbox.items.filter((item) => item.kind === "bet_won")).toHaveLength(1);
  });

  it("counts a send the sender refuses, keeps the batch, and does not send it again", async () => {
    const winner = await aUser(ctx, { balance: 500, email: true });
    await setPreferences(ctx, winner, { emailPayouts: true });
    await aSettledMarket([[winner, "this"]]);
    const records = await streamRecords(ctx);
    let attempts = 0;
    const refusing: EmailSender = {
      async send(message) {
        if (message.to === `${winner}@example.com`) attempts += 1;
        throw new Error("SES throttled");
      },
    };

    const result = await consumeRecords({ ...ctx, email: refusing }, records);
    const again = await consumeRecords({ ...ctx, email: refusing }, records);

    expect(result.emails?.failed).toBeGreaterThanOrEqual(1);
    expect(attempts).toBe(1);
    expect(again.emails).toEqual({ sent: 0, failed: 0 });
    const inbox = await listNotifications(ctx, winner, { limit: 10 });
    expect(inbox.items.filter((item) => item.kind === "bet_won")).toHaveLength(1);
  });

  it("sends nothing without a sender", async () => {
    const winner = await aUser(ctx, { balance: 500, email: true });
    await setPreferences(ctx, winner, { emailPayouts: true });
    await aSettledMarket([[winner, "this"]]);

    const result = await consumeRecords(ctx, await streamRecords(ctx));

    expect(result.emails).toBeUndefined();
    expect(result.written.some((notice) => notice.userId === winner)).toBe(true);
  });
});

describe("setPreferences", () => {
  it("turns payout emails on and off, and refuses a user who does not exist", async () => {
    const userId = await aUser(ctx);

    const on = await setPreferences(ctx, userId, { emailPayouts: true });
    const off = await setPreferences(ctx, userId, { emailPayouts: false });

    expect([on.emailPayouts, off.emailPayouts]).toEqual([true, false]);
    await expect(setPreferences(ctx, "user-nobody", { emailPayouts: true })).rejects.toBeInstanceOf(
      UserNotFound,
    );
  });
});
