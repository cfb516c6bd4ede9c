import { createRouter } from "../../http/validating-router";
import * as rewards from "./rewards.handlers";
import * as routes from "./rewards.routes";

export const rewardsRouter = createRouter()
  .openapi(routes.claimDaily, rewards.claimDaily)
  .openapi(routes.history, rewards.history);
