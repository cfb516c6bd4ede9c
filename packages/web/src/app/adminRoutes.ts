import { createRoute } from "@tanstack/react-router";
import { AdminAnalyticsPage } from "../admin/AdminAnalyticsPage";
import { AdminJobsPage } from "../admin/AdminJobsPage";
import { AdminLayout } from "../admin/AdminLayout";
import { AdminMarketsPage } from "../admin/AdminMarketsPage";
import { AdminUserPage } from "../admin/AdminUserPage";
import { AdminUsersPage } from "../admin/AdminUsersPage";
import { adminMarketStatuses } from "../markets/MarketStatusSelect";
import { requireSignIn, rootRoute } from "./root";
import { pick, text } from "./search";

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
  component: AdminMarketsPage,
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
  component: AdminUsersPage,
});

const adminUserRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/users/$userId",
  component: AdminUserPage,
});

const adminJobsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/jobs",
  component: AdminJobsPage,
});

const adminAnalyticsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/analytics",
  validateSearch: (search: Record<string, unknown>): { days?: number | undefined } => {
    const days = Number(search.days);
    return { days: Number.isInteger(days) && days >= 1 && days <= 90 ? days : undefined };
  },
  component: AdminAnalyticsPage,
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
