import { createRoute } from "@tanstack/react-router";
import { ModelScoresPage } from "../pages/ModelScoresPage";
import { PredictPage } from "../pages/PredictPage";
import { PredictResultsPage } from "../pages/PredictResultsPage";
import { requireSignIn, rootRoute } from "./root";
import { text } from "./search";

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
  component: PredictPage,
});

/** A session's progress, then its forecasts (or the refund). */
export const predictResultsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/predict/$marketId/$sessionId",
  beforeLoad: requireSignIn,
  component: PredictResultsPage,
});

/** Each model's record on resolved markets (public). */
export const modelScoresRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/models",
  component: ModelScoresPage,
});

export const predictRoutes = [predictRoute, predictResultsRoute, modelScoresRoute];
