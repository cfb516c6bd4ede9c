import {
  getUser,
  privateProfile,
  setPreferences,
  updateProfile,
  viewProfile,
} from "@market/core/accounts";
import { readPortfolio, readPublicPortfolio } from "@market/core/bets";
import { referralOf } from "@market/core/referrals";
import type { AppRouteHandler } from "../../http/route-kinds";
import type * as routes from "./users.routes";

export const getMe: AppRouteHandler<typeof routes.getMe> = async (c) => {
  return c.json(
    privateProfile(await getUser(c.var.core, c.var.caller.userId), c.var.core, c.var.caller.role),
    200,
  );
};

export const patchMe: AppRouteHandler<typeof routes.patchMe> = async (c) => {
  const user = await updateProfile(c.var.core, c.var.caller.userId, c.req.valid("json"));
  return c.json({ user: privateProfile(user, c.var.core, c.var.caller.role) }, 200);
};

export const putMyPreferences: AppRouteHandler<typeof routes.putMyPreferences> = async (c) => {
  const user = await setPreferences(c.var.core, c.var.caller.userId, c.req.valid("json"));
  return c.json({ user: privateProfile(user, c.var.core, c.var.caller.role) }, 200);
};

export const getOne: AppRouteHandler<typeof routes.getOne> = async (c) => {
  const { userId } = c.req.valid("param");
  return c.json(await viewProfile(c.var.core, userId, c.get("caller")?.userId ?? ""), 200);
};

export const getMyPortfolio: AppRouteHandler<typeof routes.getMyPortfolio> = async (c) => {
  const { range } = c.req.valid("query");
  return c.json(await readPortfolio(c.var.core, c.var.caller.userId, range), 200);
};

export const getPortfolio: AppRouteHandler<typeof routes.getPortfolio> = async (c) => {
  return c.json(await readPublicPortfolio(c.var.core, c.req.valid("param").userId), 200);
};

export const getMyReferral: AppRouteHandler<typeof routes.getMyReferral> = async (c) => {
  return c.json(await referralOf(c.var.core, c.var.caller.userId), 200);
};
