import type { CoreContext } from "./context";
import { perTable } from "./db";
import { RateLimitExceeded } from "./errors";
import { serviceFor } from "./service";

// Declared with the other shared errors, so the HTTP error mapping needs no table access.
export { RateLimitExceeded };

/**
 * A limit: at most `limit` hits per subject in each `windowSeconds` window.
 *
 * Where it is counted (its tier): by default in the table (`hit`), a fixed
 * window exact across every instance, for the few requests where abuse
 * matters (sign-in, registration, password resets); the money paths count on
 * the user item inside their transaction (`heldWindowHit`). `"process"`: in
 * this process's memory (`processWindowsFor`), a sliding window with no
 * DynamoDB write, per instance and approximate, for the limits every read
 * passes; API Gateway's throttles and the edge's rules are the global cap.
 */
export interface RateLimitRule {
  /** Stored in the counter's key, e.g. `login`. */
  name: string;
  limit: number;
  windowSeconds: number;
  tier?: "table" | "process" | undefined;
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

export interface HitOptions {
  /**
   * Hits of the current window recorded somewhere else than its counter (a
   * granted daily claim is its time on the user item): the counter takes that
   * many fewer.
   */
  countedElsewhere?: number | undefined;
}

/** Whether `at` falls in the window of `rule` that is current now. */
export function inCurrentWindow(ctx: CoreContext, rule: RateLimitRule, at: Date): boolean {
  const { start, end } = windowAt(rule, ctx.clock());
  const seconds = at.getTime() / 1000;
  return seconds >= start && seconds < end;
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
  options: HitOptions = {},
): Promise<RateLimitResult> {
  const now = ctx.clock();
  const window = windowAt(rule, now);
  const resetAt = new Date(window.end * 1000);
  const room = rule.limit - (options.countedElsewhere ?? 0);
  if (room <= 0) {
    return {
      allowed: false,
      remaining: 0,
      retryAfterSeconds: secondsUntil(window.end, now),
      resetAt,
    };
  }
  const result = await serviceFor(ctx.db)
    .entities.rateLimitWindow.update(windowKey(rule, subject, window))
    .add({ count: 1 })
    .set({ ttl: window.end + ttlSlackSeconds })
    .where(({ count }, { notExists, lt }) => `${notExists(count)} OR ${lt(count, room)}`)
    .go({ response: "updated_new", returnOnConditionCheckFailure: true });
  if (result.rejected) {
    return {
      allowed: false,
      remaining: 0,
      retryAfterSeconds: secondsUntil(window.end, now),
      resetAt,
    };
  }
  const count = result.data.count ?? room;
  return {
    allowed: true,
    remaining: Math.max(0, room - count),
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
  options: HitOptions = {},
): Promise<RateLimitResult> {
  const result = await hit(ctx, rule, subject, options);
  if (!result.allowed) throw new RateLimitExceeded(rule, result.retryAfterSeconds);
  return result;
}

/** The error for a window found full now, e.g. a transaction cancelled on its rate-limit item. */
export function rateLimitExceeded(ctx: CoreContext, rule: RateLimitRule): RateLimitExceeded {
  const now = ctx.clock();
  return new RateLimitExceeded(rule, secondsUntil(windowAt(rule, now).end, now));
}

/** A window a user item holds for one of its own limits (`UserItem.rateWindows`). */
export interface HeldWindow {
  /** Epoch seconds. */
  start?: number | undefined;
  count?: number | undefined;
}

/**
 * Counts one hit in a window held on the user item, for a limit charged only
 * with a credit movement (bets): the caller writes the returned window in the
 * ledger's user update, whose sequence condition fails if anything changed the
 * user meanwhile, so the count is exact without an item or a condition of its
 * own. A full window throws `RateLimitExceeded` and writes nothing.
 */
export function heldWindowHit(
  ctx: CoreContext,
  rule: RateLimitRule,
  held: HeldWindow | undefined,
): Required<HeldWindow> {
  const now = ctx.clock();
  const window = windowAt(rule, now);
  const count = held?.start === window.start ? (held.count ?? 0) : 0;
  if (count >= rule.limit) {
    throw new RateLimitExceeded(rule, secondsUntil(window.end, now));
  }
  return { start: window.start, count: count + 1 };
}

/** Where a window held on the user item stands now, without counting a hit. */
export function heldStanding(
  ctx: CoreContext,
  rule: RateLimitRule,
  held: HeldWindow | undefined,
): RateLimitStanding {
  const window = windowAt(rule, ctx.clock());
  const used = Math.min(rule.limit, held?.start === window.start ? (held.count ?? 0) : 0);
  return {
    limit: rule.limit,
    used,
    remaining: rule.limit - used,
    resetAt: new Date(window.end * 1000),
  };
}

/** Subjects a process keeps windows for at most; past it the oldest are forgotten. */
const maxProcessSubjects = 50_000;

interface ProcessWindow {
  /** Epoch seconds. */
  start: number;
  count: number;
  previous: number;
}

/**
 * Sliding windows kept in memory: the current fixed window's count plus the
 * previous window's, weighted by how much of it still overlaps the last
 * `windowSeconds` (the usual sliding-window counter). No I/O, so a limit that
 * every request passes costs nothing; each instance counts its own requests.
 */
export class ProcessWindows {
  private readonly windows = new Map<string, ProcessWindow>();

  hit(rule: RateLimitRule, subject: string, now: Date): RateLimitResult {
    const { start, end } = windowAt(rule, now);
    const key = `${rule.name}#${subject}`;
    const held = this.windows.get(key);
    const window: ProcessWindow =
      held?.start === start
        ? held
        : {
            start,
            count: 0,
            previous: held?.start === start - rule.windowSeconds ? held.count : 0,
          };
    const elapsed = now.getTime() / 1000 - start;
    const overlap = Math.max(0, 1 - elapsed / rule.windowSeconds);
    const used = Math.floor(window.previous * overlap) + window.count;
    const resetAt = new Date(end * 1000);
    if (used >= rule.limit) {
      this.remember(key, window);
      return { allowed: false, remaining: 0, retryAfterSeconds: secondsUntil(end, now), resetAt };
    }
    window.count += 1;
    this.remember(key, window);
    return {
      allowed: true,
      remaining: Math.max(0, rule.limit - used - 1),
      retryAfterSeconds: 0,
      resetAt,
    };
  }

  private remember(key: string, window: ProcessWindow) {
    // Re-inserted last, so the Map's first key is the subject seen longest ago.
    this.windows.delete(key);
    this.windows.set(key, window);
    if (this.windows.size > maxProcessSubjects) {
      const oldest = this.windows.keys().next().value;
      if (oldest !== undefined) this.windows.delete(oldest);
    }
  }
}

const processWindows = perTable(() => new ProcessWindows());

/** This process's windows for one table (tests run many tables in one process). */
export function processWindowsFor(ctx: Pick<CoreContext, "db">): ProcessWindows {
  return processWindows(ctx.db);
}

/** Counts one hit where `rule`'s tier counts it: in the table, or in this process. */
export function hitInTier(
  ctx: CoreContext,
  rule: RateLimitRule,
  subject: string,
): Promise<RateLimitResult> | RateLimitResult {
  if (rule.tier === "process") {
    if (subject.length === 0) throw new Error(`Rate limit ${rule.name}: empty subject`);
    return processWindowsFor(ctx).hit(rule, subject, ctx.clock());
  }
  return hit(ctx, rule, subject);
}
