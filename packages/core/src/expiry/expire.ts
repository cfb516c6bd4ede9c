import type { CoreContext } from "../context";
import { draft } from "../derived/notifications";
import type { UserItem } from "../entities/user";
import { InsufficientBalance } from "../errors";
import { postLedgerEntry } from "../ledger/post";
import { fromCents, toCents } from "../money";
import { notifyOnce } from "../notifications/write";
import { scanTable } from "../scan";
import { serviceFor } from "../service";

export interface ExpiryReport {
  /** False when `CREDIT_EXPIRY_INACTIVE_DAYS` is unset: the job does nothing. */
  enabled: boolean;
  usersChecked: number;
  usersExpired: number;
  creditsExpired: number;
  /** Accounts this run warned that their credits expire in `CREDIT_EXPIRY_WARNING_DAYS`. */
  usersWarned: number;
}

const dayMs = 86_400_000;

/**
 * The daily expiry (docs/product-rules.md#expiry), off unless
 * `CREDIT_EXPIRY_INACTIVE_DAYS` is set: an account with no activity (no credit
 * movement, no signed-in request: `lastActiveDay`) for that many days loses
 * its balance in an `expiration` entry, except what it bought: credits bought
 * and not refunded never expire. One entry per account and day (its key), so
 * a rerun the same day changes nothing; the entry itself counts as the day's
 * activity, so the next expiry needs another full period of silence.
 * `CREDIT_EXPIRY_WARNING_DAYS` before its day, an account is warned once
 * (`warnOne`).
 */
export async function expireInactiveBalances(
  ctx: CoreContext,
  options: { segments?: number } = {},
): Promise<ExpiryReport> {
  const days = ctx.config.CREDIT_EXPIRY_INACTIVE_DAYS;
  const report = {
    enabled: days !== undefined,
    usersChecked: 0,
    usersExpired: 0,
    creditsExpired: 0,
    usersWarned: 0,
  };
  if (days === undefined) return report;
  const now = ctx.clock();
  const today = now.toISOString().slice(0, 10);
  const dayBefore = (count: number) =>
    new Date(now.getTime() - count * dayMs).toISOString().slice(0, 10);
  const cutoff = dayBefore(days);
  const warnFrom = dayBefore(Math.max(0, days - ctx.config.CREDIT_EXPIRY_WARNING_DAYS));
  const candidates: UserItem[] = [];
  const toWarn: UserItem[] = [];
  await scanTable(ctx, { segments: options.segments ?? 4, entity: "user" }, (items) => {
    for (const item of items as unknown as UserItem[]) {
      report.usersChecked += 1;
      const lastActive = lastActiveOf(item);
      if (item.balance <= 0) continue;
      if (lastActive <= cutoff) candidates.push(item);
      else if (lastActive <= warnFrom) toWarn.push(item);
    }
  });
  for (const user of toWarn) {
    if (await warnOne(ctx, user, days)) report.usersWarned += 1;
  }
  for (const candidate of candidates) {
    const expired = await expireOne(ctx, candidate.userId, cutoff, today);
    if (expired > 0) {
      report.usersExpired += 1;
      report.creditsExpired = fromCents(toCents(report.creditsExpired) + toCents(expired));
    }
  }
  return report;
}

/** Expires one account's balance beyond its bought credits; re-checked on a consistent read. */
async function expireOne(
  ctx: CoreContext,
  userId: string,
  cutoff: string,
  today: string,
): Promise<number> {
  const { data: user } = await serviceFor(ctx.db)
    .entities.user.get({ userId })
    .go({ consistent: true });
  // Active since the scan read it: nothing expires.
  if (!user || lastActiveOf(user) > cutoff) return 0;
  const keptCents = await boughtCents(ctx, userId);
  const expiringCents = toCents(user.balance) - keptCents;
  if (expiringCents <= 0) return 0;
  try {
    const posting = await postLedgerEntry(ctx, {
      userId,
      amount: -fromCents(expiringCents),
      type: "expiration",
      reason: `Credits expired after ${ctx.config.CREDIT_EXPIRY_INACTIVE_DAYS} days without activity (bought credits kept)`,
      idempotencyKey: `expiration#${userId}#${today}`,
      knownUser: user,
    });
    return posting.replayed ? 0 : -posting.amount;
  } catch (error) {
    // The balance moved under us (the user came back): leave it for tomorrow's run.
    if (error instanceof InsufficientBalance) return 0;
    throw error;
  }
}

function lastActiveOf(user: UserItem): string {
  return user.lastActiveDay ?? user.createdAt.slice(0, 10);
}

/**
 * Tells an account that its credits (bought ones aside) expire on the day its
 * silence reaches `days`, once per stretch of silence: the notification is
 * named by that warning's day and the last active day, so tomorrow's run
 * writes nothing more, and coming back starts a new stretch. Nothing is
 * written when only bought credits are left.
 */
async function warnOne(ctx: CoreContext, user: UserItem, days: number): Promise<boolean> {
  const lastActive = lastActiveOf(user);
  const expiresOn = addDays(lastActive, days);
  const expiringCents = toCents(user.balance) - (await boughtCents(ctx, user.userId));
  if (expiringCents <= 0) return false;
  const warnedAt = `${addDays(lastActive, days - ctx.config.CREDIT_EXPIRY_WARNING_DAYS)}T00:00:00.000Z`;
  return notifyOnce(
    ctx,
    draft(ctx.config, {
      userId: user.userId,
      source: `expiring#${lastActive}`,
      kind: "credits_expiring",
      title: "Credits about to expire",
      body: `${fromCents(expiringCents).toLocaleString("en-US")} credits expire on ${expiresOn} after ${days} days without activity. A bet or the daily reward keeps them; bought credits never expire.`,
      amount: fromCents(expiringCents),
      createdAt: warnedAt,
    }),
  );
}

function addDays(day: string, count: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + count * dayMs).toISOString().slice(0, 10);
}

/** Credits the user bought and was not refunded, from their purchase entries. */
async function boughtCents(ctx: CoreContext, userId: string): Promise<number> {
  const entries = serviceFor(ctx.db).entities.ledgerEntry;
  let cents = 0;
  for (const type of ["purchase", "purchase_refund"] as const) {
    const { data } = await entries.query
      .byUserAndType({ userId, type })
      .go({ pages: "all", attributes: ["amount"] });
    for (const entry of data) cents += toCents(entry.amount);
  }
  return Math.max(0, cents);
}
