import type { QueryClient } from "@tanstack/react-query";
import { createRoute, createRouter } from "@tanstack/react-router";
import type { BetQuery, MarketQuery, TransactionType } from "../api/queries";
import { transactionTypes } from "../lib/ledger";
import { marketStatuses } from "../markets/MarketStatusSelect";
import { BetPage } from "../pages/BetPage";
import { ChangePasswordPage } from "../pages/ChangePasswordPage";
import { ForgotPasswordPage } from "../pages/ForgotPasswordPage";
import { LeaderboardPage } from "../pages/LeaderboardPage";
import { LoginPage } from "../pages/LoginPage";
import { MarketPage } from "../pages/MarketPage";
import { MarketsPage } from "../pages/MarketsPage";
import { MyBetsPage } from "../pages/MyBetsPage";
import { ProfilePage } from "../pages/ProfilePage";
import { PublicProfilePage } from "../pages/PublicProfilePage";
import { ResetPasswordPage } from "../pages/ResetPasswordPage";
import { SignupPage } from "../pages/SignupPage";
import { TransactionsPage } from "../pages/TransactionsPage";
import { adminRoutes } from "./adminRoutes";
import { predictRoutes } from "./predictRoutes";
import { requireSignedOut, requireSignIn, rootRoute } from "./root";
import { pick, text } from "./search";

export interface MarketsSearch {
  q?: string | undefined;
  category?: string | undefined;
  status?: NonNullable<MarketQuery["status"]> | undefined;
  sort?: NonNullable<MarketQuery["sort"]> | undefined;
}

const marketSorts = ["trending", "liquidity", "expires_soon"] as const;

export const marketsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/",
  validateSearch: (search: Record<string, unknown>): MarketsSearch => ({
    q: text(search.q, 200),
    category: text(search.category, 100),
    status: pick(search.status, marketStatuses),
    sort: pick(search.sort, marketSorts),
  }),
  component: MarketsPage,
});

const marketRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/markets/$marketId",
  component: MarketPage,
});

const betStatuses = ["pending", "won", "lost", "cancelled"] as const;
export interface BetsSearch {
  status?: NonNullable<BetQuery["status"]> | undefined;
}

const betsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/bets",
  beforeLoad: requireSignIn,
  validateSearch: (search: Record<string, unknown>): BetsSearch => ({
    status: pick(search.status, betStatuses),
  }),
  component: MyBetsPage,
});

const betRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/bets/$betId",
  beforeLoad: requireSignIn,
  component: BetPage,
});

const transactionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/transactions",
  beforeLoad: requireSignIn,
  validateSearch: (search: Record<string, unknown>): { type?: TransactionType | undefined } => ({
    type: pick(search.type, transactionTypes),
  }),
  component: TransactionsPage,
});

export interface LeaderboardSearch {
  board?: "pnl" | "volume" | undefined;
  page?: number | undefined;
}

const leaderboardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/leaderboard",
  validateSearch: (search: Record<string, unknown>): LeaderboardSearch => {
    const page = Number(search.page);
    return {
      board: pick(search.board, ["pnl", "volume"] as const),
      page: Number.isInteger(page) && page > 1 && page <= 400 ? page : undefined,
    };
  },
  component: LeaderboardPage,
});

const profileRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/profile",
  beforeLoad: requireSignIn,
  component: ProfilePage,
});

const publicProfileRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/users/$userId",
  component: PublicProfilePage,
});

const changePasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/account/password",
  beforeLoad: requireSignIn,
  component: ChangePasswordPage,
});

const redirectSearch = (search: Record<string, unknown>): { redirect?: string | undefined } => ({
  redirect: text(search.redirect, 2000),
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/login",
  validateSearch: redirectSearch,
  beforeLoad: requireSignedOut,
  component: LoginPage,
});

const signupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/signup",
  validateSearch: redirectSearch,
  beforeLoad: requireSignedOut,
  component: SignupPage,
});

const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/forgot-password",
  component: ForgotPasswordPage,
});

const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/reset-password",
  validateSearch: (search: Record<string, unknown>): { token?: string | undefined } => ({
    token: text(search.token, 256),
  }),
  component: ResetPasswordPage,
});

export const routeTree = rootRoute.addChildren([
  marketsRoute,
  marketRoute,
  betsRoute,
  betRoute,
  transactionsRoute,
  leaderboardRoute,
  profileRoute,
  publicProfileRoute,
  changePasswordRoute,
  loginRoute,
  signupRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  ...predictRoutes,
  ...adminRoutes,
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: "intent",
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
