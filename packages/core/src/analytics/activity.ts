import { isConditionFailed } from "../conditions";
import type { CoreContext } from "../context";
import { dayOf } from "../counters";
import { perTable } from "../db";
import { serviceFor } from "../service";

/** Per table, the users this process has seen counted active, and on which day. */
const seenBy = perTable(() => new Map<string, string>());
/** Beyond this many users a process starts afresh (bounded memory; a miss costs one write). */
const maxRemembered = 50_000;

/**
 * Marks a signed-in user active today (analytics' DAU) on their first request
 * of the day: one update sets the user's `lastActiveDay` on condition it is not
 * today yet; the stream consumer counts the change in the day's `activeUsers`,
 * once however many processes see the user. The process then remembers the
 * day, so later requests cost nothing. True when this call marked the user.
 */
export async function recordActivity(ctx: CoreContext, userId: string): Promise<boolean> {
  const today = dayOf(ctx.clock());
  const users = seenBy(ctx.db);
  if (users.get(userId) === today) return false;
  let marked = true;
  try {
    await serviceFor(ctx.db)
      .entities.user.patch({ userId })
      .set({ lastActiveDay: today })
      .where(
        ({ lastActiveDay }, { ne, notExists }) =>
          `${notExists(lastActiveDay)} OR ${ne(lastActiveDay, today)}`,
      )
      .go({ response: "none" });
  } catch (error) {
    // Already marked today (a credit movement or another process): nothing to do.
    if (!isConditionFailed(error)) throw error;
    marked = false;
  }
  if (users.size >= maxRemembered) users.clear();
  users.set(userId, today);
  return marked;
}

/**
 * Remembers that the user counts as active today without writing: after a
 * credit movement, whose user update set `lastActiveDay` (`balanceWrite`).
 */
export function rememberActive(ctx: CoreContext, userId: string): void {
  const users = seenBy(ctx.db);
  if (users.size >= maxRemembered) users.clear();
  users.set(userId, dayOf(ctx.clock()));
}
