import { cancellationReasons, conditionFailed, TransactionCancelled } from "../conditions";
import type { CoreContext } from "../context";
import type { NotificationDraft } from "../derived/notifications";
import { serviceFor } from "../service";

/**
 * Writes a notification that no table change carries (a scheduled job's
 * warning) once: the item on condition it is new, and 1 on its user's unread
 * count, in one transaction. True when this call wrote it; a rerun that
 * finds it there changes nothing.
 */
export async function notifyOnce(ctx: CoreContext, notice: NotificationDraft): Promise<boolean> {
  const result = await serviceFor(ctx.db)
    .transaction.write(({ notification, notificationInbox }) => [
      notification.create({ ...notice, read: false }).commit(),
      notificationInbox.update({ userId: notice.userId }).add({ unread: 1 }).commit(),
    ])
    .go();
  if (!result.canceled) return true;
  const reasons = cancellationReasons(result);
  if (reasons[0]?.code === conditionFailed) return false;
  throw new TransactionCancelled("Write notification", reasons);
}
