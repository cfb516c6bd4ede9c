/**
 * The user's notifications: reading the inbox and marking it read. They are
 * written by the stream consumer (derived/notifications.ts), except a
 * scheduled job's warning that no table change carries (`notifyOnce`).
 */
export { type MarkReadRequest, type MarkReadResult, markRead, maxIdsPerMark } from "./mark";
export { listNotifications, type NotificationsPage, toNotificationView, unreadCount } from "./read";
export { notifyOnce } from "./write";
