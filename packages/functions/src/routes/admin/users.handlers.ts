import { getUser } from "@market/core/accounts";
import {
  findUsers,
  listAudit,
  setUserAccess,
  toAdminUserView,
  toAuditEventView,
} from "@market/core/admin";
import { getBalance, history, toTransactionsPage } from "@market/core/ledger";
import type { AppRouteHandler } from "../../http/route-kinds";
import type * as routes from "./users.routes";

export const searchUsers: AppRouteHandler<typeof routes.searchUsers> = async (c) => {
  const { email, username, limit, cursor } = c.req.valid("query");
  const page = await findUsers(c.var.core, { email, username, limit, cursor });
  const users = page.users.map((user) => toAdminUserView(user, c.var.core.config));
  return c.json({ users, limit, nextCursor: page.cursor }, 200);
};

export const getAdminUser: AppRouteHandler<typeof routes.getAdminUser> = async (c) => {
  const user = await getUser(c.var.core, c.req.valid("param").userId);
  return c.json(toAdminUserView(user, c.var.core.config), 200);
};

export const patchAdminUser: AppRouteHandler<typeof routes.patchAdminUser> = async (c) => {
  const user = await setUserAccess(c.var.core, {
    adminId: c.var.caller.userId,
    userId: c.req.valid("param").userId,
    ...c.req.valid("json"),
  });
  return c.json(toAdminUserView(user, c.var.core.config), 200);
};

export const adminUserLedger: AppRouteHandler<typeof routes.adminUserLedger> = async (c) => {
  const { userId } = c.req.valid("param");
  // The user must exist (404); the list reads beside it.
  const [, page] = await Promise.all([
    getBalance(c.var.core, userId),
    history(c.var.core, userId, c.req.valid("query")),
  ]);
  return c.json(toTransactionsPage(page), 200);
};

export const listAuditEvents: AppRouteHandler<typeof routes.listAuditEvents> = async (c) => {
  const { limit, ...filter } = c.req.valid("query");
  const page = await listAudit(c.var.core, { ...filter, limit });
  return c.json({ events: page.events.map(toAuditEventView), limit, nextCursor: page.cursor }, 200);
};
