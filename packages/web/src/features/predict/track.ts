import { api } from "../../api/sign-in";

/** Where a Predict button was clicked: the `ui_surface` of the analytics event. */
export type PredictSurface =
  | "market_detail"
  | "market_list"
  | "search_result"
  | "recent_predictions";

/**
 * Records a click of a Predict button with its `uiSurface` and `marketId`
 * (`POST /api/v1/events`: a structured log line and a metric per surface).
 * Fire and forget: analytics never stands in the way of the click.
 */
export function trackPredictClick(uiSurface: PredictSurface, marketId: string): void {
  api
    .POST("/api/v1/events", { body: { name: "predict_button_click", uiSurface, marketId } })
    .catch(() => undefined);
}
