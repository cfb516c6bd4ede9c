import * as accounts from "@market/core/accounts";
import { clientIp, ipSubject } from "../../http/client-ip";
import type { AppRouteHandler } from "../../http/route-kinds";
import { logger } from "../../logger";
import type * as routes from "./auth.routes";

export const register: AppRouteHandler<typeof routes.register> = async (c) => {
  const { user, role, verificationEmailError, ...tokens } = await accounts.register(
    c.var.core,
    c.req.valid("json"),
  );
  if (verificationEmailError) {
    logger.error("verification email not sent", {
      userId: user.userId,
      error: verificationEmailError,
    });
  }
  return c.json({ user: accounts.privateProfile(user, c.var.core, role), ...tokens }, 201);
};

export const login: AppRouteHandler<typeof routes.login> = async (c) => {
  const client = ipSubject(
    clientIp(c, { trustForwardedFor: c.var.core.config.TRUST_FORWARDED_FOR }),
  );
  const { user, role, ...tokens } = await accounts.login(c.var.core, c.req.valid("json"), client);
  return c.json({ user: accounts.privateProfile(user, c.var.core, role), ...tokens }, 200);
};

export const refresh: AppRouteHandler<typeof routes.refresh> = async (c) => {
  const { refreshToken } = c.req.valid("json");
  return c.json(await accounts.rotateRefreshToken(c.var.core, refreshToken), 200);
};

export const logout: AppRouteHandler<typeof routes.logout> = async (c) => {
  await accounts.logout(c.var.core, c.var.caller.userId, c.req.valid("json").refreshToken);
  return c.json({ message: "Logged out successfully" }, 200);
};

export const logoutEverywhere: AppRouteHandler<typeof routes.logoutEverywhere> = async (c) => {
  await accounts.signOutEverywhere(c.var.core, c.var.caller.userId);
  return c.json({ message: "Signed out on every device" }, 200);
};

export const passwordResetRequest: AppRouteHandler<typeof routes.passwordResetRequest> = async (
  c,
) => {
  await accounts.requestPasswordReset(
    c.var.core,
    c.req.valid("json").email,
    c.var.services.afterResponse,
  );
  return c.json(
    { message: "If an account exists for this email, a reset link is on its way." },
    202,
  );
};

export const passwordResetConfirm: AppRouteHandler<typeof routes.passwordResetConfirm> = async (
  c,
) => {
  await accounts.confirmPasswordReset(c.var.core, c.req.valid("json"));
  return c.json({ message: "Password changed. Sign in with the new password." }, 200);
};

export const changePassword: AppRouteHandler<typeof routes.changePassword> = async (c) => {
  await accounts.changePassword(c.var.core, c.var.caller.userId, c.req.valid("json"));
  return c.json({ message: "Password changed. Other sessions are signed out." }, 200);
};

export const verifyEmail: AppRouteHandler<typeof routes.verifyEmail> = async (c) => {
  await accounts.verifyEmail(c.var.core, c.req.valid("json").token);
  return c.json({ message: "Email verified." }, 200);
};

export const resendVerification: AppRouteHandler<typeof routes.resendVerification> = async (c) => {
  await accounts.sendEmailVerification(c.var.core, c.var.caller.userId);
  return c.json({ message: "If the address is not verified yet, a link is on its way." }, 202);
};
