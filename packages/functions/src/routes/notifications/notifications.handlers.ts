import {
  listNotifications,
  markRead as markNotificationsRead,
  toNotificationView,
} from "@market/core/notifications";
import { pageBody } from "../../http/pages";
import type { AppRouteHandler } from "../../http/route-kinds";
import type * as routes from "./notifications.routes";

export const list: AppRouteHandler<typeof routes.list> = async (c) => {
  const page = await listNotifications(c.var.core, c.var.caller.userId, c.req.valid("query"));
  const { total: _none, ...body } = pageBody("notifications", page, toNotificationView);
  return c.json(
    {
      ...body,
      unread: page.unread,
      dailyRewardReady: page.dailyRewardReady,
      dailyRewardReadyAt: page.dailyRewardReadyAt,
    },
    200,
  );
};

export const markRead: AppRouteHandler<typeof routes.markRead> = async (c) => {
  const result = await markNotificationsRead(c.var.core, c.var.caller.userId, c.req.valid("json"));
  return c.json(result, 200);
};
