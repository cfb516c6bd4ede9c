import type { CoreContext } from "../context";
import type { EmailMessage, EmailSender } from "../email/email";
import { serviceFor } from "../service";
import { creditsText, type NotificationDraft } from "./notifications";

/** Emails in flight at once: a settlement's batch may hold hundreds of winners. */
const sendingAtOnce = 8;
/** BatchGetItem may leave keys unprocessed under load: read those again, this often at most. */
const readAttempts = 3;

export interface PayoutEmailResult {
  sent: number;
  /** Emails the sender refused: lost, never sent again (at most once). */
  failed: number;
}

/**
 * The payout emails of the notifications a consumer call wrote for the first
 * time (`ApplyResult.written`): one per `bet_won` whose user turned
 * `emailPayouts` on and has an email address. The users are read in one
 * BatchGetItem. Called after the transactions committed, and only with what
 * they wrote, so a redelivered batch sends nothing: delivery is at most once
 * per won bet (a crash between the commit and the send loses the email, never
 * doubles it). A refused send is counted, not thrown: throwing would have the
 * batch delivered again, which sends nothing anyway.
 */
export async function sendPayoutEmails(
  ctx: CoreContext,
  sender: EmailSender,
  written: NotificationDraft[],
): Promise<PayoutEmailResult> {
  const won = written.filter((notice) => notice.kind === "bet_won" && notice.betId);
  if (won.length === 0) return { sent: 0, failed: 0 };
  const recipients = await optedInEmails(ctx, [...new Set(won.map((notice) => notice.userId))]);
  const messages = won.flatMap((notice) => {
    const to = recipients.get(notice.userId);
    return to ? [payoutEmail(ctx, to, notice)] : [];
  });
  const result: PayoutEmailResult = { sent: 0, failed: 0 };
  let next = 0;
  const worker = async () => {
    while (next < messages.length) {
      const message = messages[next++] as EmailMessage;
      try {
        await sender.send(message);
        result.sent += 1;
      } catch {
        result.failed += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(sendingAtOnce, messages.length) }, worker));
  return result;
}

/** The email address of each of `userIds` who asked for payout emails. */
async function optedInEmails(ctx: CoreContext, userIds: string[]): Promise<Map<string, string>> {
  const users = serviceFor(ctx.db).entities.user;
  const found = new Map<string, string>();
  let keys = userIds.map((userId) => ({ userId }));
  for (let attempt = 1; keys.length > 0 && attempt <= readAttempts; attempt += 1) {
    const { data, unprocessed } = await users
      .get(keys)
      .go({ attributes: ["userId", "email", "emailPayouts"] });
    for (const user of data) {
      if (user.emailPayouts && user.email) found.set(user.userId, user.email);
    }
    keys = unprocessed.map((key) => ({ userId: key.userId }));
  }
  return found;
}

function payoutEmail(ctx: CoreContext, to: string, notice: NotificationDraft): EmailMessage {
  const site = ctx.config.PUBLIC_URL.replace(/\/+$/, "");
  return {
    to,
    subject: `Your bet won: ${creditsText(notice.amount ?? 0)} paid`,
    // The notification's body names the market and the side: one wording for both.
    text: [
      notice.body,
      "",
      `See the bet: ${site}/bets/${notice.betId}`,
      "",
      `You asked for an email when a bet pays out. Turn it off on your profile: ${site}/profile`,
    ].join("\n"),
  };
}
