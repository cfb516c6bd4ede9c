import type { CoreContext } from "./context";
import { RateLimitExceeded } from "./errors";
import { type MarketService, serviceFor } from "./service";

// Declared with the other shared errors, so the HTTP error mapping needs no table access.
export { RateLimitExceeded };

/** A fixed-window limit: at most `limit` hits per subject in each `windowSeconds` window. */
export interface RateLimitRule {
  /** Stored in the counter's key, e.g. `login`. */
  name: string;
  limit: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** Hits left in the current window after this one. */
  remaining: number;
  /** 0 when allowed; otherwise whole seconds until the window ends, at least 1. */
  retryAfterSeconds: number;
  /** When the current window ends and the count starts again from 0. */
  resetAt: Date;
}

/**
 * Counters outlive their window by this much before DynamoDB may delete them, so
 * an instance whose clock lags a little still finds the count it must respect.
 */
const ttlSlackSeconds = 5 * 60;

interface Window {
  /** Epoch seconds. */
  start: number;
  /** Epoch seconds, exclusive. */
  end: number;
}

/** Windows are aligned to the epoch, so every instance agrees on them without coordination. */
function windowAt(rule: RateLimitRule, now: Date): Window {
  if (!Number.isInteger(rule.limit) || rule.limit < 1) {
    throw new Error(`Rate limit ${rule.name}: limit must be a positive integer`);
  }
  if (!Number.isInteger(rule.windowSeconds) || rule.windowSeconds < 1) {
    throw new Error(`Rate limit ${rule.name}: windowSeconds must be a positive integer`);
  }
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const start = nowSeconds - (nowSeconds % rule.windowSeconds);
  return { start, end: start + rule.windowSeconds };
}

function secondsUntil(end: number, now: Date): number {
  return Math.max(1, Math.ceil(end - now.getTime() / 1000));
}

function windowKey(rule: RateLimitRule, subject: string, window: Window) {
  if (subject.length === 0) throw new Error(`Rate limit ${rule.name}: empty subject`);
  return { limit: rule.name, subject, windowStart: window.start };
}

/**
 * Counts one hit for `subject` under `rule`. A single conditional UpdateItem adds
 * 1 only while the count is below the limit, so concurrent hits can never let
 * more than `limit` through in a window, and a refused hit is not counted.
 */
export async function hit(
  ctx: CoreContext,
  rule: RateLimitRule,
  subject: string,
): Promise<RateLimitResult> {
  const now = ctx.clock();
  const window = windowAt(rule, now);
  const resetAt = new Date(window.end * 1000);
  const result = await serviceFor(ctx.db)
    .entities.rateLimitWindow.update(windowKey(rule, subject, window))
    .add({ count: 1 })
    .set({ ttl: window.end + ttlSlackSeconds })
    .where(({ count }, { notExists, lt }) => `${notExists(count)} OR ${lt(count, rule.limit)}`)
    .go({ response: "updated_new", returnOnConditionCheckFailure: true });
  if (result.rejected) {
    return {
      allowed: false,
      remaining: 0,
      retryAfterSeconds: secondsUntil(window.end, now),
      resetAt,
    };
  }
  const count = result.data.count ?? rule.limit;
  return {
    allowed: true,
    remaining: Math.max(0, rule.limit - count),
    retryAfterSeconds: 0,
    resetAt,
  };
}

/** Where a subject stands in the current window of a rule, without counting a hit. */
export interface RateLimitStanding {
  limit: number;
  used: number;
  remaining: number;
  /** When the current window ends and the count starts again from 0. */
  resetAt: Date;
}

/**
 * Reads the current window's count (one consistent GetItem): what a client shows
 * before it tries ("2 of 10 left this hour"). Counts nothing.
 */
export async function standing(
  ctx: CoreContext,
  rule: RateLimitRule,
  subject: string,
): Promise<RateLimitStanding> {
  const window = windowAt(rule, ctx.clock());
  const { data } = await serviceFor(ctx.db)
    .entities.rateLimitWindow.get(windowKey(rule, subject, window))
    .go({ consistent: true });
  const used = Math.min(rule.limit, data?.count ?? 0);
  return {
    limit: rule.limit,
    used,
    remaining: rule.limit - used,
    resetAt: new Date(window.end * 1000),
  };
}

/** Starts the subject's current window afresh (e.g. an account's failed logins after a reset). */
export async function clear(ctx: CoreContext, rule: RateLimitRule, subject: string): Promise<void> {
  const window = windowAt(rule, ctx.clock());
  await serviceFor(ctx.db)
    .entities.rateLimitWindow.delete(windowKey(rule, subject, window))
    .go();
}

/** Like `hit`, but a refused hit throws `RateLimitExceeded`. */
export async function enforce(
  ctx: CoreContext,
  rule: RateLimitRule,
  subject: string,
): Promise<RateLimitResult> {
  const result = await hit(ctx, rule, subject);
  if (!result.allowed) throw new RateLimitExceeded(rule, result.retryAfterSeconds);
  return result;
}

/** The entities a `service.transaction.write` callback receives. */
type TransactionEntities = Parameters<Parameters<MarketService["transaction"]["write"]>[0]>[0];

/**
 * The same counted hit as one item of a bigger `serviceFor(db).transaction.write`,
 * so a limit is charged only when everything else commits too:
 *
 * ```ts
 * service.transaction.write((entities) => [
 *   ...,
 *   rateLimitTransactionItem(entities, ctx, rule, `user:${userId}`),
 * ])
 * ```
 *
 * A full window cancels the whole transaction with `ConditionalCheckFailed` on
 * this item; answer it with `rateLimitExceeded(ctx, rule)`.
 */
export function rateLimitTransactionItem(
  entities: Pick<TransactionEntities, "rateLimitWindow">,
  ctx: CoreContext,
  rule: RateLimitRule,
  subject: string,
) {
  const window = windowAt(rule, ctx.clock());
  return entities.rateLimitWindow
    .update(windowKey(rule, subject, window))
    .add({ count: 1 })
    .set({ ttl: window.end + ttlSlackSeconds })
    .where(({ count }, { notExists, lt }) => `${notExists(count)} OR ${lt(count, rule.limit)}`)
    .commit();
}

/** The error for a window found full now, e.g. a transaction cancelled on its rate-limit item. */
export function rateLimitExceeded(ctx: CoreContext, rule: RateLimitRule): RateLimitExceeded {
  const now = ctx.clock();
  return new RateLimitExceeded(rule, secondsUntil(windowAt(rule, now).end, now));
}
