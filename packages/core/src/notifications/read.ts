import type { CoreContext } from "../context";
import type { NotificationItem } from "../entities/notification";
import { pageSizes } from "../limits";
import { listPage, type Page, type PageRequest, scopeOf, sourceOf } from "../paging";
import { nextClaimAt } from "../rewards/rules";
import { serviceFor } from "../service";

export interface NotificationsPage extends Page<NotificationItem> {
  /** The user's unread notifications, from the inbox counter. */
  unread: number;
  /**
   * When the daily reward can be claimed again (now or past: it is ready), or
   * null before the first claim. Computed here, never written as a notification.
   */
  dailyRewardReadyAt: string | null;
  /** The daily reward can be claimed now (also before any claim). */
  dailyRewardReady: boolean;
}

/**
 * The user's notifications, newest first: one Query with a `Limit` of the page
 * (their ids start with their time), the unread counter and the user's last
 * daily reward read beside it by key.
 */
export async function listNotifications(
  ctx: CoreContext,
  userId: string,
  request: PageRequest = {},
): Promise<NotificationsPage> {
  const service = serviceFor(ctx.db);
  const notifications = service.entities.notification;
  const [page, unread, user] = await Promise.all([
    listPage(ctx, request, {
      scope: scopeOf("notifications", userId),
      size: pageSizes.notifications,
      query: sourceOf(notifications.query.byUser({ userId }), notifications, "desc"),
    }),
    unreadCount(ctx, userId),
    service.entities.user.get({ userId }).go({ attributes: ["lastDailyRewardAt"] }),
  ]);
  const lastClaim = user.data?.lastDailyRewardAt;
  const readyAt = lastClaim ? nextClaimAt(new Date(lastClaim)) : null;
  return {
    ...page,
    unread,
    dailyRewardReadyAt: readyAt?.toISOString() ?? null,
    dailyRewardReady: !readyAt || readyAt.getTime() <= ctx.clock().getTime(),
  };
}

/** The user's unread count (never below 0). */
export async function unreadCount(ctx: CoreContext, userId: string): Promise<number> {
  const { data } = await serviceFor(ctx.db).entities.notificationInbox.get({ userId }).go();
  return Math.max(0, data?.unread ?? 0);
}

/** A notification as the API shows it (`GET /notifications`). */
export function toNotificationView(notification: NotificationItem) {
  return {
    id: notification.notificationId,
    kind: notification.kind,
    title: notification.title,
    body: notification.body,
    betId: notification.betId ?? null,
    marketId: notification.marketId ?? null,
    sessionId: notification.sessionId ?? null,
    amount: notification.amount ?? null,
    read: notification.read,
    createdAt: notification.createdAt,
  };
}
