import type { QueryClient } from "@tanstack/react-query";
import { createRootRouteWithContext, type ParsedLocation, redirect } from "@tanstack/react-router";
import { getSignInState } from "../api/sign-in";
import { AppShell } from "./AppShell";
import { NotFoundScreen } from "./NotFoundScreen";
import { safeRedirect } from "./search";

export interface RouterContext {
  queryClient: QueryClient;
}

/** Private pages: signed out, go to sign-in and come back here after. */
export function requireSignIn({ location }: { location: ParsedLocation }) {
  if (getSignInState().status !== "signedIn") {
    throw redirect({ to: "/login", search: { redirect: location.href } });
  }
}

/** Sign-in pages: already signed in, go where the user was headed. */
export function requireSignedOut({ search }: { search: { redirect?: string | undefined } }) {
  if (getSignInState().status === "signedIn")
    throw redirect({ href: safeRedirect(search.redirect) });
}

/** The shell every page renders in; each group of routes hangs off it. */
export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: AppShell,
  notFoundComponent: NotFoundScreen,
});
