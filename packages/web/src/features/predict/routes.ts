import { createRoute } from "@tanstack/react-router";
import { requireSignIn, rootRoute } from "../../app/root";
import { text } from "../../app/search";
import { ModelScoresScreen } from "./ModelScoresScreen";
import { PredictResultsScreen } from "./PredictResultsScreen";
import { PredictScreen } from "./PredictScreen";

export interface PredictSearch {
  /** Model ids to preselect, comma-separated ("Predict again"). */
  models?: string | undefined;
}

/** The generator: pick models, see the cost, Generate. */
export const predictRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/predict/$marketId",
  beforeLoad: requireSignIn,
  validateSearch: (search: Record<string, unknown>): PredictSearch => ({
    models: text(search.models, 700),
  }),
  component: PredictScreen,
});

/** A session's progress, then its forecasts (or the refund). */
export const predictResultsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/predict/$marketId/$sessionId",
  beforeLoad: requireSignIn,
  component: PredictResultsScreen,
});

/** Each model's record on resolved markets (public). */
export const modelScoresRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/models",
  component: ModelScoresScreen,
});

export const predictRoutes = [predictRoute, predictResultsRoute, modelScoresRoute];
