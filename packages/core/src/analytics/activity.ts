import {
  cancellationReasons,
  conditionFailed,
  TransactionCancelled,
  writeRetryingConflicts,
} from "../conditions";
import type { CoreContext } from "../context";
import { dayOf } from "../counters";
import type { Db } from "../db";
import { serviceFor } from "../service";
import { dailyCounterWrite } from "./daily";

/** Per table, the users this process has seen counted active, and on which day. */
const seen = new WeakMap<Db, Map<string, string>>();
/** Beyond this many users a process starts afresh (bounded memory; a miss costs one write). */
const maxRemembered = 50_000;

/**
 * Counts a signed-in user active today (analytics' DAU) on their first request
 * of the day: one transaction sets the user's `lastActiveDay` on condition it
 * is not today yet and ADDs 1 to the day's `activeUsers`, so each user counts
 * once a day however many processes see them. The process then remembers the
 * day, so later requests cost nothing. True when this call counted the user.
 */
export async function recordActivity(ctx: CoreContext, userId: string): Promise<boolean> {
  const now = ctx.clock().toISOString();
  const today = dayOf(now);
  let users = seen.get(ctx.db);
  if (!users) {
    users = new Map();
    seen.set(ctx.db, users);
  }
  if (users.get(userId) === today) return false;
  const result = await writeRetryingConflicts(() =>
    serviceFor(ctx.db)
      .transaction.write((entities) => [
        entities.user
          .patch({ userId })
          .set({ lastActiveDay: today })
          .where(
            ({ lastActiveDay }, { ne, notExists }) =>
              `${notExists(lastActiveDay)} OR ${ne(lastActiveDay, today)}`,
          )
          .commit(),
        ...dailyCounterWrite(entities, ctx, now, { activeUsers: 1 }),
      ])
      .go(),
  );
  const reasons = cancellationReasons(result);
  // Already counted today (by a credit movement or another process): nothing to add.
  if (result.canceled && reasons[0]?.code !== conditionFailed) {
    throw new TransactionCancelled("Activity", reasons);
  }
  if (users.size >= maxRemembered) users.clear();
  users.set(userId, today);
  return !result.canceled;
}
