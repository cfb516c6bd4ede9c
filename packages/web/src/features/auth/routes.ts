import { createRoute } from "@tanstack/react-router";
import { requireSignedOut, requireSignIn, rootRoute } from "../../app/root";
import { text } from "../../app/search";
import { ChangePasswordScreen } from "./ChangePasswordScreen";
import { ForgotPasswordScreen } from "./ForgotPasswordScreen";
import { LoginScreen } from "./LoginScreen";
import { ResetPasswordScreen } from "./ResetPasswordScreen";
import { SignupScreen } from "./SignupScreen";

const redirectSearch = (search: Record<string, unknown>): { redirect?: string | undefined } => ({
  redirect: text(search.redirect, 2000),
});

const changePasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/account/password",
  beforeLoad: requireSignIn,
  component: ChangePasswordScreen,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/login",
  validateSearch: redirectSearch,
  beforeLoad: requireSignedOut,
  component: LoginScreen,
});

const signupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/signup",
  validateSearch: redirectSearch,
  beforeLoad: requireSignedOut,
  component: SignupScreen,
});

const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/forgot-password",
  component: ForgotPasswordScreen,
});

const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/reset-password",
  validateSearch: (search: Record<string, unknown>): { token?: string | undefined } => ({
    token: text(search.token, 256),
  }),
  component: ResetPasswordScreen,
});

export const authRoutes = [
  changePasswordRoute,
  loginRoute,
  signupRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
];
