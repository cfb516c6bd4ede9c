import { createRoute } from "@tanstack/react-router";
import { rootRoute } from "../../app/root";
import { pick, text } from "../../app/search";
import { MarketScreen } from "./MarketScreen";
import { marketStatuses } from "./MarketStatusSelect";
import { MarketsScreen } from "./MarketsScreen";
import type { MarketQuery } from "./queries";

export interface MarketsSearch {
  q?: string | undefined;
  category?: string | undefined;
  status?: NonNullable<MarketQuery["status"]> | undefined;
  sort?: NonNullable<MarketQuery["sort"]> | undefined;
}

const marketSorts = ["trending", "liquidity", "expires_soon"] as const;

/** The market list (filters and search in the URL), the home page. */
const marketsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/",
  validateSearch: (search: Record<string, unknown>): MarketsSearch => ({
    q: text(search.q, 200),
    category: text(search.category, 100),
    status: pick(search.status, marketStatuses),
    sort: pick(search.sort, marketSorts),
  }),
  component: MarketsScreen,
});

export interface MarketSearch {
  /** The side the bet form starts on (a card's option chip, a forecast's "Bet …"). */
  side?: "this" | "that" | undefined;
  /** The amount the bet form starts with (kept across a sign-in from the form). */
  amount?: string | undefined;
}

/** One market: odds, chart, the bet form. */
const marketRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/markets/$marketId",
  validateSearch: (search: Record<string, unknown>): MarketSearch => ({
    side: pick(search.side, ["this", "that"] as const),
    amount: /^\d{1,7}(\.\d{1,2})?$/.test(text(search.amount, 10) ?? "")
      ? text(search.amount, 10)
      : undefined,
  }),
  component: MarketScreen,
});

export const marketRoutes = [marketsRoute, marketRoute];
