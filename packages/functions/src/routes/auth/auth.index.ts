import { createRouter } from "../../http/router";
import {
  changePasswordHandler,
  loginHandler,
  logoutHandler,
  passwordResetConfirmHandler,
  passwordResetRequestHandler,
  refreshHandler,
  registerHandler,
  resendVerificationHandler,
  verifyEmailHandler,
} from "./auth.handlers";
import {
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

export const authRouter = createRouter()
  .openapi(registerRoute, registerHandler)
  .openapi(loginRoute, loginHandler)
  .openapi(refreshRoute, refreshHandler)
  .openapi(logoutRoute, logoutHandler)
  .openapi(passwordResetRequestRoute, passwordResetRequestHandler)
  .openapi(passwordResetConfirmRoute, passwordResetConfirmHandler)
  .openapi(changePasswordRoute, changePasswordHandler)
  .openapi(verifyEmailRoute, verifyEmailHandler)
  .openapi(resendVerificationRoute, resendVerificationHandler);
