import { createRoute } from "@tanstack/react-router";
import { requireSignIn, rootRoute } from "../../app/root";
import { NotificationsScreen } from "./NotificationsScreen";

const notificationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/notifications",
  beforeLoad: requireSignIn,
  component: NotificationsScreen,
});

export const notificationRoutes = [notificationsRoute];
