import type { CoreContext } from "../context";
import { type Db, perTable } from "../db";

/**
 * What one process remembers between market lists, each for at most
 * `MARKET_LIST_STATE_SECONDS`: the lists' totals (their counters) and the
 * earliest end date among open markets, so a list is one Query where it was
 * three (the counter's GetItem, the Query that closes what expired, the page).
 * The process forgets both whenever it writes a market with its counters
 * (`writeWithCounts`); what other processes write shows within those seconds,
 * as the edge cache's 60 s already allow.
 */
interface ListState {
  totals: Map<string, { count: number; readAt: number }>;
  /** The earliest `expiresAt` of an open market (ms; Infinity: none), and when it was read. */
  nextExpiry?: { at: number; readAt: number } | undefined;
}

const stateOf = perTable((): ListState => ({ totals: new Map() }));
/** Beyond this many list totals a process starts afresh (bounded memory). */
const maxTotals = 1_000;

function fresh(ctx: CoreContext, readAt: number): boolean {
  return ctx.clock().getTime() - readAt < ctx.config.MARKET_LIST_STATE_SECONDS * 1000;
}

/** A list's total as read lately, else `read()` kept for next time. */
export async function heldTotal(
  ctx: CoreContext,
  scope: string,
  read: () => Promise<number>,
): Promise<number> {
  const { totals } = stateOf(ctx.db);
  const held = totals.get(scope);
  if (held && fresh(ctx, held.readAt)) return held.count;
  const readAt = ctx.clock().getTime();
  const count = await read();
  if (totals.size >= maxTotals) totals.clear();
  totals.set(scope, { count, readAt });
  return count;
}

/**
 * Whether an open market may have passed its end date since the earliest one
 * was read: true when that was too long ago, never read, or is now past.
 */
export function mayHaveExpired(ctx: CoreContext): boolean {
  const held = stateOf(ctx.db).nextExpiry;
  return !held || !fresh(ctx, held.readAt) || ctx.clock().getTime() >= held.at;
}

/** Keeps the earliest end date among open markets just read (Infinity: there is none). */
export function rememberNextExpiry(ctx: CoreContext, at: number, readAt: number): void {
  stateOf(ctx.db).nextExpiry = { at, readAt };
}

/** Forgets every total and the next end date: this process has just written a market. */
export function forgetListState(db: Db): void {
  const state = stateOf(db);
  state.totals.clear();
  state.nextExpiry = undefined;
}
