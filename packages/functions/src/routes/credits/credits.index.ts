import { createRouter } from "../../http/validating-router";
import * as credits from "./credits.handlers";
import * as routes from "./credits.routes";

export const creditsRouter = createRouter()
  .openapi(routes.packages, credits.packages)
  .openapi(routes.checkout, credits.checkout)
  .openapi(routes.stripeWebhook, credits.stripeWebhook)
  .openapi(routes.purchases, credits.purchases);
