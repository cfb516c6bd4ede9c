import type { RouteHandler } from "@hono/zod-openapi";
import { changeUsername, getUser, privateProfile, viewProfile } from "@market/core/accounts";
import type { AppEnv } from "../../http/env";
import type { getMeRoute, getUserRoute, patchMeRoute } from "./users.routes";

export const getMe: RouteHandler<typeof getMeRoute, AppEnv> = async (c) => {
  return c.json(
    privateProfile(await getUser(c.var.core, c.var.caller.userId), c.var.caller.role),
    200,
  );
};

export const patchMe: RouteHandler<typeof patchMeRoute, AppEnv> = async (c) => {
  const { username } = c.req.valid("json");
  const user = await changeUsername(c.var.core, c.var.caller.userId, username);
  return c.json({ user: privateProfile(user, c.var.caller.role) }, 200);
};

export const getUserProfile: RouteHandler<typeof getUserRoute, AppEnv> = async (c) => {
  const { userId } = c.req.valid("param");
  return c.json(await viewProfile(c.var.core, userId, c.get("caller")?.userId ?? ""), 200);
};
