import { createRoute } from "@tanstack/react-router";
import { requireSignIn, rootRoute } from "../../app/root";
import { ProfileScreen } from "./ProfileScreen";
import { PublicProfileScreen } from "./PublicProfileScreen";

const profileRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/profile",
  beforeLoad: requireSignIn,
  component: ProfileScreen,
});

const publicProfileRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/users/$userId",
  component: PublicProfileScreen,
});

export const profileRoutes = [profileRoute, publicProfileRoute];
