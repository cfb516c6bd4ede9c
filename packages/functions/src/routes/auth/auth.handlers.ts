import type { RouteHandler } from "@hono/zod-openapi";
import {
  changePassword,
  confirmPasswordReset,
  login,
  logout,
  privateProfile,
  register,
  requestPasswordReset,
  rotateRefreshToken,
  sendEmailVerification,
  verifyEmail,
} from "@market/core/accounts";
import type { AppEnv } from "../../http/env";
import type {
  changePasswordRoute,
  loginRoute,
  logoutRoute,
  passwordResetConfirmRoute,
  passwordResetRequestRoute,
  refreshRoute,
  registerRoute,
  resendVerificationRoute,
  verifyEmailRoute,
} from "./auth.routes";

export const registerHandler: RouteHandler<typeof registerRoute, AppEnv> = async (c) => {
  const { user, role, ...tokens } = await register(c.var.core, c.req.valid("json"));
  return c.json({ user: privateProfile(user, role), ...tokens }, 201);
};

export const loginHandler: RouteHandler<typeof loginRoute, AppEnv> = async (c) => {
  const { user, role, ...tokens } = await login(c.var.core, c.req.valid("json"));
  return c.json({ user: privateProfile(user, role), ...tokens }, 200);
};

export const refreshHandler: RouteHandler<typeof refreshRoute, AppEnv> = async (c) => {
  const { refreshToken } = c.req.valid("json");
  return c.json(await rotateRefreshToken(c.var.core, refreshToken), 200);
};

export const logoutHandler: RouteHandler<typeof logoutRoute, AppEnv> = async (c) => {
  await logout(c.var.core, c.var.caller.userId, c.req.valid("json").refreshToken);
  return c.json({ message: "Logged out successfully" }, 200);
};

export const verifyEmailHandler: RouteHandler<typeof verifyEmailRoute, AppEnv> = async (c) => {
  await verifyEmail(c.var.core, c.req.valid("json").token);
  return c.json({ message: "Email verified." }, 200);
};

export const resendVerificationHandler: RouteHandler<
  typeof resendVerificationRoute,
  AppEnv
> = async (c) => {
  await sendEmailVerification(c.var.core, c.var.caller.userId);
  return c.json({ message: "If the address is not verified yet, a link is on its way." }, 202);
};

export const passwordResetRequestHandler: RouteHandler<
  typeof passwordResetRequestRoute,
  AppEnv
> = async (c) => {
  await requestPasswordReset(c.var.core, c.req.valid("json").email);
  return c.json(
    { message: "If an account exists for this email, a reset link is on its way." },
    202,
  );
};

export const passwordResetConfirmHandler: RouteHandler<
  typeof passwordResetConfirmRoute,
  AppEnv
> = async (c) => {
  await confirmPasswordReset(c.var.core, c.req.valid("json"));
  return c.json({ message: "Password changed. Sign in with the new password." }, 200);
};

export const changePasswordHandler: RouteHandler<typeof changePasswordRoute, AppEnv> = async (
  c,
) => {
  await changePassword(c.var.core, c.var.caller.userId, c.req.valid("json"));
  return c.json({ message: "Password changed. Other sessions are signed out." }, 200);
};
