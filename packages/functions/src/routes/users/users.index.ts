import { createRouter } from "../../http/validating-router";
import * as creditFlows from "./credit-flows.handlers";
import * as creditFlowRoutes from "./credit-flows.routes";
import * as handlers from "./users.handlers";
import * as routes from "./users.routes";

// /users/me is registered before /users/{userId} so "me" is never taken for an id.
export const usersRouter = createRouter()
  .openapi(routes.getMe, handlers.getMe)
  .openapi(routes.getMyPortfolio, handlers.getMyPortfolio)
  .openapi(routes.patchMe, handlers.patchMe)
  .openapi(routes.putMyPreferences, handlers.putMyPreferences)
  .openapi(routes.getMyReferral, handlers.getMyReferral)
  .openapi(creditFlowRoutes.getMyCreditFlows, creditFlows.getMyCreditFlows)
  .openapi(routes.getOne, handlers.getOne)
  .openapi(routes.getPortfolio, handlers.getPortfolio);
