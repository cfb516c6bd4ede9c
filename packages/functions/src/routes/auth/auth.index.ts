import { createRouter } from "../../http/validating-router";
import * as handlers from "./auth.handlers";
import * as routes from "./auth.routes";

export const authRouter = createRouter()
  .openapi(routes.register, handlers.register)
  .openapi(routes.login, handlers.login)
  .openapi(routes.refresh, handlers.refresh)
  .openapi(routes.logout, handlers.logout)
  .openapi(routes.logoutEverywhere, handlers.logoutEverywhere)
  .openapi(routes.passwordResetRequest, handlers.passwordResetRequest)
  .openapi(routes.passwordResetConfirm, handlers.passwordResetConfirm)
  .openapi(routes.changePassword, handlers.changePassword)
  .openapi(routes.verifyEmail, handlers.verifyEmail)
  .openapi(routes.resendVerification, handlers.resendVerification);
