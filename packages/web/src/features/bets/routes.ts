import { createRoute } from "@tanstack/react-router";
import { requireSignIn, rootRoute } from "../../app/root";
import { pick } from "../../app/search";
import { BetScreen } from "./BetScreen";
import { MyBetsScreen } from "./MyBetsScreen";
import type { BetQuery } from "./queries";

const betStatuses = ["pending", "won", "lost", "cancelled", "cashed_out"] as const;
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
  component: MyBetsScreen,
});

const betRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/bets/$betId",
  beforeLoad: requireSignIn,
  component: BetScreen,
});

export const betRoutes = [betsRoute, betRoute];
