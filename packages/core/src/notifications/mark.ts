import { cancellationReasons, conditionFailed, TransactionCancelled } from "../conditions";
import type { CoreContext } from "../context";
import { ValidationFailed } from "../errors";
import { pageQuery, type StartKey, sourceOf } from "../paging";
import { serviceFor } from "../service";
import { unreadCount } from "./read";

/** Ids one request may mark read. */
export const maxIdsPerMark = 100;
/** Notifications one `{ all: true }` request marks at most (older ones stay for the next). */
const maxMarkedAtOnce = 500;
/** Pages of the inbox one `{ all: true }` request reads at most (each within the list read budget). */
const maxPagesAtOnce = 10;
const concurrency = 4;

export type MarkReadRequest = { ids?: string[] | undefined; all?: boolean | undefined };

export interface MarkReadResult {
  /** Notifications this request moved from unread to read. */
  marked: number;
  /** Unread notifications left. */
  unread: number;
}

/**
 * Marks the user's notifications read: the `ids` given (ids of others', of
 * none, or already read change nothing), or `all` unread ones. Each is one
 * transaction: the notification on condition it is unread, and 1 off the
 * inbox counter, so the count stays exact under repeats and races.
 */
export async function markRead(
  ctx: CoreContext,
  userId: string,
  request: MarkReadRequest,
): Promise<MarkReadResult> {
  const ids = request.ids;
  if ((ids === undefined) === (request.all !== true)) {
    throw new ValidationFailed("Give ids or all, not both", {
      ids: "give a list of notification ids, or all: true",
    });
  }
  if (ids && (ids.length === 0 || ids.length > maxIdsPerMark)) {
    throw new ValidationFailed("Invalid ids", { ids: `must hold 1 to ${maxIdsPerMark} ids` });
  }
  const targets = ids ? [...new Set(ids)] : await unreadIds(ctx, userId);
  let marked = 0;
  for (let start = 0; start < targets.length; start += concurrency) {
    const done = await Promise.all(
      targets.slice(start, start + concurrency).map((id) => markOne(ctx, userId, id)),
    );
    marked += done.filter(Boolean).length;
  }
  return { marked, unread: await unreadCount(ctx, userId) };
}

/**
 * The user's unread notifications, newest first, up to `maxMarkedAtOnce`: pages
 * through `pageQuery` (a `Limit` per page, the list read budget), never a
 * read of the whole partition.
 */
async function unreadIds(ctx: CoreContext, userId: string): Promise<string[]> {
  const notifications = serviceFor(ctx.db).entities.notification;
  const source = sourceOf(
    notifications.query.byUser({ userId }).where(({ read }, { eq }) => eq(read, false)),
    notifications,
    "desc",
  );
  const ids: string[] = [];
  let after: StartKey | undefined;
  let pages = 0;
  do {
    pages += 1;
    const page = await pageQuery(ctx, source, { offset: 0, limit: maxIdsPerMark, after });
    ids.push(...page.items.map((item) => item.notificationId));
    after = page.next;
  } while (after && ids.length < maxMarkedAtOnce && pages < maxPagesAtOnce);
  return ids;
}

/** True when this call moved the notification from unread to read. */
async function markOne(ctx: CoreContext, userId: string, notificationId: string): Promise<boolean> {
  const readAt = ctx.clock().toISOString();
  const result = await serviceFor(ctx.db)
    .transaction.write(({ notification, notificationInbox }) => [
      notification
        .patch({ userId, notificationId })
        .set({ read: true, readAt })
        .where(({ read }, { eq }) => eq(read, false))
        .commit(),
      notificationInbox.update({ userId }).add({ unread: -1 }).commit(),
    ])
    .go();
  if (!result.canceled) return true;
  const reasons = cancellationReasons(result);
  // Not there, not the caller's, or read already: nothing to do.
  if (reasons[0]?.code === conditionFailed) return false;
  throw new TransactionCancelled("Mark notification read", reasons);
}
