import type { OpenAPIHono } from "@hono/zod-openapi";
import { OutboxEmailSender } from "@market/core/email";
import type { AppDeps } from "../deps";
import type { AppEnv } from "../http/env";

/**
 * Loads one route group's router (its `<group>.index.ts`), or `undefined` when
 * these deps do not serve it.
 */
export type RouteGroupLoader = (
  deps: Pick<AppDeps, "email">,
) => Promise<OpenAPIHono<AppEnv>> | undefined;

/**
 * Every route group of the API, by the first segment of its paths under
 * `/api/v1`: `/api/v1/markets/...` is served by the `markets` group and by no
 * other. Each group is imported on the first request to its segment (in a
 * Lambda bundle, a chunk of its own), so a cold start loads the routes it
 * serves, not all of them; the OpenAPI document loads every group. In this
 * order the groups are listed in the document.
 *
 * A new route goes in its folder's `*.routes.ts` / `*.handlers.ts` and is
 * registered in its `*.index.ts`, under the folder's segment. A new folder
 * adds one line here (`routes/groups.test.ts` checks both).
 */
export const routeGroups: Record<string, RouteGroupLoader> = {
  health: () => import("./health/health.index").then((m) => m.healthRouter),
  config: () => import("./config/config.index").then((m) => m.configRouter),
  auth: () => import("./auth/auth.index").then((m) => m.authRouter),
  users: () => import("./users/users.index").then((m) => m.usersRouter),
  transactions: () => import("./transactions/transactions.index").then((m) => m.transactionsRouter),
  markets: () => import("./markets/markets.index").then((m) => m.marketsRouter),
  bets: () => import("./bets/bets.index").then((m) => m.betsRouter),
  predictions: () => import("./predictions/predictions.index").then((m) => m.predictionsRouter),
  notifications: () =>
    import("./notifications/notifications.index").then((m) => m.notificationsRouter),
  credits: () => import("./credits/credits.index").then((m) => m.creditsRouter),
  transfers: () => import("./transfers/transfers.index").then((m) => m.transfersRouter),
  rewards: () => import("./rewards/rewards.index").then((m) => m.rewardsRouter),
  leaderboard: () => import("./leaderboard/leaderboard.index").then((m) => m.leaderboardRouter),
  events: () => import("./events/events.index").then((m) => m.eventsRouter),
  admin: () => import("./admin/admin.index").then((m) => m.adminRouter),
  // Only where email goes to the local outbox (never in a deployed stage).
  dev: ({ email }) =>
    email instanceof OutboxEmailSender
      ? import("./dev/dev.index").then((m) => m.devRouter(email))
      : undefined,
};
