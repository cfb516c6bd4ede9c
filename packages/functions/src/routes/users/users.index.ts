import { createRouter } from "../../http/router";
import { getMe, getUserProfile, patchMe } from "./users.handlers";
import { getMeRoute, getUserRoute, patchMeRoute } from "./users.routes";

// /users/me is registered before /users/{userId} so "me" is never taken for an id.
export const usersRouter = createRouter()
  .openapi(getMeRoute, getMe)
  .openapi(patchMeRoute, patchMe)
  .openapi(getUserRoute, getUserProfile);
