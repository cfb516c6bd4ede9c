import { createRoute } from "@tanstack/react-router";
import { requireSignIn, rootRoute } from "../../app/root";
import { pick, text } from "../../app/search";
import { adminMarketStatuses } from "../markets/MarketStatusSelect";
import { AdminAnalyticsScreen } from "./AdminAnalyticsScreen";
import { AdminJobsScreen } from "./AdminJobsScreen";
import { AdminLayout } from "./AdminLayout";
import { AdminMarketsScreen } from "./AdminMarketsScreen";
import { AdminUserScreen } from "./AdminUserScreen";
import { AdminUsersScreen } from "./AdminUsersScreen";

/** The admin console: signed in first; the layout shows admins the page and others "not allowed". */
const adminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/admin",
  beforeLoad: requireSignIn,
  component: AdminLayout,
});

export interface AdminMarketsSearch {
  q?: string | undefined;
  status?: (typeof adminMarketStatuses)[number] | undefined;
}

const adminMarketsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/",
  validateSearch: (search: Record<string, unknown>): AdminMarketsSearch => ({
    q: text(search.q, 200),
    status: pick(search.status, adminMarketStatuses),
  }),
  component: AdminMarketsScreen,
});

export interface AdminUsersSearch {
  by?: "email" | "username" | undefined;
  q?: string | undefined;
}

const adminUsersRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/users",
  validateSearch: (search: Record<string, unknown>): AdminUsersSearch => ({
    by: pick(search.by, ["email", "username"] as const),
    q: text(search.q, 254),
  }),
  component: AdminUsersScreen,
});

const adminUserRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/users/$userId",
  component: AdminUserScreen,
});

const adminJobsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/jobs",
  component: AdminJobsScreen,
});

const adminAnalyticsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/analytics",
  validateSearch: (search: Record<string, unknown>): { days?: number | undefined } => {
    const days = Number(search.days);
    return { days: Number.isInteger(days) && days >= 1 && days <= 90 ? days : undefined };
  },
  component: AdminAnalyticsScreen,
});

export const adminRoutes = [
  adminRoute.addChildren([
    adminMarketsRoute,
    adminUsersRoute,
    adminUserRoute,
    adminJobsRoute,
    adminAnalyticsRoute,
  ]),
];
