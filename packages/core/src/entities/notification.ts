import { Entity, type EntityItem } from "electrodb";

export const notificationKinds = [
  "bet_won",
  "bet_lost",
  "bet_cancelled",
  "bet_cashed_out",
  "session_refunded",
  "admin_grant",
  "admin_adjustment",
  "low_credits",
  "transfer_in",
  "purchase",
  "credits_expiring",
  "market_closed",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/**
 * Something that happened to a user's credits or bets, written by the stream
 * consumer (derived/notifications.ts), never inside a money transaction.
 * `notificationId` starts with the event's time, so the user's partition reads
 * newest first, and ends with the change it comes from (`…#bet#<betId>`), so
 * the same change always writes the same item.
 */
export const Notification = new Entity({
  model: { entity: "notification", version: "1", service: "market" },
  attributes: {
    userId: { type: "string", required: true, readOnly: true },
    notificationId: { type: "string", required: true, readOnly: true },
    kind: { type: notificationKinds, required: true, readOnly: true },
    title: { type: "string", required: true, readOnly: true },
    body: { type: "string", required: true, readOnly: true },
    betId: { type: "string", readOnly: true },
    marketId: { type: "string", readOnly: true },
    sessionId: { type: "string", readOnly: true },
    /** Credits the event moved (a payout, a refund, a grant), when it moved any. */
    amount: { type: "number", readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
    read: { type: "boolean", required: true, default: false },
    readAt: { type: "string" },
    /** Epoch seconds: `NOTIFICATION_TTL_DAYS` after `createdAt`. */
    ttl: { type: "number", required: true, readOnly: true },
  },
  indexes: {
    byUser: {
      pk: { field: "pk", composite: ["userId"] },
      sk: { field: "sk", composite: ["notificationId"] },
    },
  },
});

export type NotificationItem = EntityItem<typeof Notification>;

/**
 * A user's unread notifications, counted: ADDed to by the consumer in the
 * transaction that writes a notification, taken from by marking one read (on
 * condition it was unread). A small item of its own, so money transactions on
 * the user item stay lean and the bell reads one key.
 */
export const NotificationInbox = new Entity({
  model: { entity: "notificationInbox", version: "1", service: "market" },
  attributes: {
    userId: { type: "string", required: true, readOnly: true },
    unread: { type: "number", default: 0 },
  },
  indexes: {
    byUser: {
      pk: { field: "pk", composite: ["userId"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

export type NotificationInboxItem = EntityItem<typeof NotificationInbox>;
