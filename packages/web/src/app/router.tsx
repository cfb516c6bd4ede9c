import type { QueryClient } from "@tanstack/react-query";
import { createRouter } from "@tanstack/react-router";
import { adminRoutes } from "../features/admin/routes";
import { authRoutes } from "../features/auth/routes";
import { betRoutes } from "../features/bets/routes";
import { creditRoutes } from "../features/credits/routes";
import { leaderboardRoutes } from "../features/leaderboard/routes";
import { marketRoutes } from "../features/markets/routes";
import { notificationRoutes } from "../features/notifications/routes";
import { predictRoutes } from "../features/predict/routes";
import { profileRoutes } from "../features/profile/routes";
import { transactionRoutes } from "../features/transactions/routes";
import { RouteError } from "./RouteError";
import { rootRoute } from "./root";

/** Every feature's routes hang off the shell; each feature declares its own in `routes.ts`. */
export const routeTree = rootRoute.addChildren([
  ...marketRoutes,
  ...betRoutes,
  ...transactionRoutes,
  ...notificationRoutes,
  ...creditRoutes,
  ...leaderboardRoutes,
  ...profileRoutes,
  ...authRoutes,
  ...predictRoutes,
  ...adminRoutes,
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: "intent",
    defaultPreloadStaleTime: 0,
    // A screen that throws shows the error in the shell with a way to try again.
    defaultErrorComponent: RouteError,
    scrollRestoration: true,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
