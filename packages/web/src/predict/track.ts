/** Where a Predict button was clicked: the `ui_surface` of the analytics event. */
export type PredictSurface =
  | "market_detail"
  | "market_list"
  | "search_result"
  | "recent_predictions";

/**
 * Records a click of a Predict button (`predict_button_click` with its
 * `ui_surface` and `marketId`). Fire and forget: analytics never stands in
 * the way of the click.
 */
export function trackPredictClick(uiSurface: PredictSurface, marketId: string): void {
  void [uiSurface, marketId];
}
