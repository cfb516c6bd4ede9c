import type { Config } from "../config";
import type { BetItem } from "../entities/bet";
import type { LedgerEntryItem } from "../entities/ledger-entry";
import type { NotificationKind } from "../entities/notification";
import { fromCents, toCents } from "../money";
import type { TableChange } from "./changes";
import type { DerivedChange } from "./effects";

/** The settings notifications follow. */
export type NotificationSettings = Pick<Config, "LOW_CREDIT_NOTICE" | "NOTIFICATION_TTL_DAYS">;

/** A notification as the consumer writes it (unread). */
export interface NotificationDraft {
  userId: string;
  /** `<createdAt>#<source>`: the same change always names the same item. */
  notificationId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  betId?: string;
  marketId?: string;
  sessionId?: string;
  amount?: number;
  createdAt: string;
  ttl: number;
}

/**
 * The notifications a table change leaves its user, each change under a name
 * of its own (`notice#…`), so the consumer writes it once: a bet leaving
 * `pending` (won, lost, cancelled, cashed out: the settlement is also how a
 * bettor hears that the market resolved, with no fan-out over its bettors); a
 * ledger entry refunding a prediction session, receiving a gift, buying
 * credits, or an admin's grant or adjustment with its reason; a ledger entry
 * taking the balance from at or above `LOW_CREDIT_NOTICE` to below it.
 */
export function notificationChanges(
  change: TableChange,
  settings: NotificationSettings,
): DerivedChange[] {
  const drafts =
    change.entity === "bet"
      ? betNotices(change.old, change.new, settings)
      : change.entity === "ledgerEntry" && change.new && !change.old
        ? ledgerNotices(change.new, settings)
        : [];
  return drafts.map((notification) => ({
    changeId: `notice#${notification.userId}#${notification.notificationId}`,
    effects: [{ kind: "notification", notification }],
  }));
}

function betNotices(
  old: BetItem | undefined,
  bet: BetItem | undefined,
  settings: NotificationSettings,
): NotificationDraft[] {
  if (!bet || bet.status === "pending" || (old && old.status !== "pending")) return [];
  const market = `“${bet.marketTitle}”`;
  const pick = bet.side === "this" ? bet.thisOption : bet.thatOption;
  const paid = bet.actualPayout ?? 0;
  const text: Record<Exclude<BetItem["status"], "pending">, [string, string, number?]> = {
    won: ["Your bet won", `${market} resolved ${pick}: ${creditsText(paid)} paid.`, paid],
    lost: [
      "Your bet lost",
      `${market} resolved against ${pick}: ${creditsText(bet.amount)} staked.`,
    ],
    cancelled: ["Bet cancelled", `${market} was cancelled: ${creditsText(paid)} refunded.`, paid],
    cashed_out: [
      "Bet cashed out",
      `${pick} on ${market} sold for ${creditsText(bet.cashoutAmount ?? paid)}.`,
      bet.cashoutAmount ?? paid,
    ],
  };
  const [title, body, amount] = text[bet.status];
  const createdAt = bet.resolvedAt ?? bet.placedAt;
  return [
    draft(settings, {
      userId: bet.userId,
      source: `bet#${bet.betId}`,
      kind: `bet_${bet.status}`,
      title,
      body,
      betId: bet.betId,
      marketId: bet.marketId,
      amount,
      createdAt,
    }),
  ];
}

function ledgerNotices(
  entry: LedgerEntryItem,
  settings: NotificationSettings,
): NotificationDraft[] {
  const notices: NotificationDraft[] = [];
  const base = { userId: entry.userId, createdAt: entry.createdAt };
  if (entry.type === "prediction_refund") {
    notices.push(
      draft(settings, {
        ...base,
        source: `ledger#${entry.seq}`,
        kind: "session_refunded",
        title: "Prediction refunded",
        body: `${creditsText(entry.amount)} back: ${entry.reason}`,
        ...(entry.referenceId ? { sessionId: entry.referenceId } : {}),
        ...(entry.marketId ? { marketId: entry.marketId } : {}),
        amount: entry.amount,
      }),
    );
  }
  if (entry.type === "transfer_in") {
    notices.push(
      draft(settings, {
        ...base,
        source: `ledger#${entry.seq}`,
        kind: "transfer_in",
        title: "Credits received",
        body: `${creditsText(entry.amount)}: ${entry.reason}`,
        amount: entry.amount,
      }),
    );
  }
  if (entry.type === "purchase") {
    notices.push(
      draft(settings, {
        ...base,
        source: `ledger#${entry.seq}`,
        kind: "purchase",
        title: "Purchase complete",
        body: `${creditsText(entry.amount)} added to your balance. Thank you!`,
        amount: entry.amount,
      }),
    );
  }
  if (entry.type === "admin_grant" || entry.type === "admin_adjustment") {
    notices.push(
      draft(settings, {
        ...base,
        source: `ledger#${entry.seq}`,
        kind: entry.type,
        title: entry.type === "admin_grant" ? "Credits granted" : "Balance adjusted",
        body: `${signed(entry.amount)} by an admin: ${entry.reason}`,
        amount: entry.amount,
      }),
    );
  }
  const notice = toCents(settings.LOW_CREDIT_NOTICE);
  const after = toCents(entry.balanceAfter);
  if (after < notice && after - toCents(entry.amount) >= notice) {
    notices.push(
      draft(settings, {
        ...base,
        source: `low#${entry.seq}`,
        kind: "low_credits",
        title: "Low on credits",
        body: `Your balance is ${creditsText(entry.balanceAfter)}. The daily reward tops it up.`,
      }),
    );
  }
  return notices;
}

/** A notification named by its time and its source, kept `NOTIFICATION_TTL_DAYS`. */
export function draft(
  settings: NotificationSettings,
  input: Omit<NotificationDraft, "notificationId" | "ttl"> & { source: string },
): NotificationDraft {
  const { source, ...rest } = input;
  const expires = new Date(input.createdAt).getTime() + settings.NOTIFICATION_TTL_DAYS * 86_400_000;
  return {
    ...Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)),
    notificationId: `${input.createdAt}#${source}`,
    ttl: Math.floor(expires / 1000),
  } as NotificationDraft;
}

/** Credits as the inbox and the payout email write them: `116.67 credits`, `12 credits`. */
export function creditsText(amount: number): string {
  return `${fromCents(toCents(amount)).toFixed(2).replace(/\.00$/, "")} credits`;
}

function signed(amount: number): string {
  return `${amount >= 0 ? "+" : "−"}${creditsText(Math.abs(amount))}`;
}
