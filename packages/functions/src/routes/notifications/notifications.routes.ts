import { z } from "@hono/zod-openapi";
import { notificationKinds } from "@market/core/entities";
import { pageSizes } from "@market/core/limits";
import { maxIdsPerMark } from "@market/core/notifications";
import { pagedQuery, pageSchemaWithoutTotal } from "../../http/pages";
import { authedRoute } from "../../http/route-kinds";
import { errorContent, jsonBody, jsonResponse } from "../../http/schemas";

export const NotificationSchema = z
  .object({
    id: z.string(),
    kind: z.enum(notificationKinds),
    title: z.string(),
    body: z.string(),
    betId: z.string().nullable().openapi({ description: "Links to /bets/{betId}" }),
    marketId: z.string().nullable(),
    sessionId: z.string().nullable().openapi({ description: "A prediction session of `marketId`" }),
    amount: z.number().nullable().openapi({ description: "Credits the event moved, if any" }),
    read: z.boolean(),
    createdAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("Notification");

export const list = authedRoute({
  method: "get",
  path: "/notifications",
  operationId: "listNotifications",
  tags: ["Notifications"],
  summary: "My notifications, newest first, with the unread count",
  description:
    "Bets won, lost, cancelled or cashed out (a bet's settlement is also how its market's " +
    "resolution is told), prediction refunds, admin grants and adjustments with their reason, " +
    "low credits. `dailyRewardReady` is computed on read, never stored.",
  request: { query: pagedQuery({}, pageSizes.notifications) },
  responses: {
    200: jsonResponse(
      "One page; pass `nextCursor` back as `cursor` for the next",
      pageSchemaWithoutTotal("notifications", NotificationSchema).extend({
        unread: z.number().int().openapi({ description: "Unread notifications in all" }),
        dailyRewardReady: z.boolean(),
        dailyRewardReadyAt: z.string().nullable().openapi({
          format: "date-time",
          description: "When the daily reward opens again; null before the first claim",
        }),
      }),
    ),
    400: errorContent("Invalid query (limit, offset beyond 10,000, cursor)"),
  },
});

export const markRead = authedRoute({
  method: "post",
  path: "/notifications/read",
  operationId: "markNotificationsRead",
  tags: ["Notifications"],
  summary: "Mark notifications read: the ids given, or all",
  description:
    "Ids that are not mine, do not exist or are read already change nothing. Repeating a " +
    "request changes nothing more.",
  request: {
    body: jsonBody(
      z
        .object({
          ids: z.array(z.string().min(1).max(200)).min(1).max(maxIdsPerMark).optional(),
          all: z.literal(true).optional(),
        })
        .strict()
        .refine((body) => (body.ids === undefined) !== (body.all === undefined), {
          message: "give ids or all: true (one of them)",
          path: ["ids"],
        }),
    ),
  },
  responses: {
    200: jsonResponse(
      "How many this request marked, and how many are left unread",
      z.object({ marked: z.number().int(), unread: z.number().int() }),
    ),
    400: errorContent("Invalid body: ids (1 to 100) or all: true"),
  },
});
