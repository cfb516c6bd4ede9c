import { createRoute } from "@tanstack/react-router";
import { requireSignIn, rootRoute } from "../../app/root";
import { CheckoutFailureScreen, CheckoutSuccessScreen } from "./CheckoutResultScreens";
import { CreditsScreen } from "./CreditsScreen";

const creditsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/credits",
  beforeLoad: requireSignIn,
  component: CreditsScreen,
});

const successRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/credits/success",
  beforeLoad: requireSignIn,
  validateSearch: (search: Record<string, unknown>): { session_id: string } => ({
    session_id: typeof search.session_id === "string" ? search.session_id : "",
  }),
  component: CheckoutSuccessScreen,
});

const failureRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/credits/failure",
  component: CheckoutFailureScreen,
});

export const creditRoutes = [creditsRoute, successRoute, failureRoute];
