import type { RouteHandler } from "@hono/zod-openapi";
import { type Config, Ledger } from "@market/core";
import { getUser, privateProfile } from "@market/core/accounts";
import { findUsers, listAudit, setUserAccess } from "@market/core/admin";
import type { AuditEventItem } from "@market/core/entities/audit-event";
import type { UserItem } from "@market/core/entities/user";
import type { AppEnv } from "../../http/env";
import { transactionsBody } from "../transactions/transactions.handlers";
import type {
  adminUserLedgerRoute,
  getAdminUserRoute,
  listAuditRoute,
  patchAdminUserRoute,
  searchUsersRoute,
} from "./users.routes";

export const searchUsers: RouteHandler<typeof searchUsersRoute, AppEnv> = async (c) => {
  const { email, username, limit, cursor } = c.req.valid("query");
  const page = await findUsers(c.var.core, { email, username, limit, cursor });
  return c.json(
    {
      users: page.users.map((user) => toAdminUser(user, c.var.core.config)),
      limit,
      nextCursor: page.cursor,
    },
    200,
  );
};

export const getAdminUser: RouteHandler<typeof getAdminUserRoute, AppEnv> = async (c) => {
  const { userId } = c.req.valid("param");
  return c.json(toAdminUser(await getUser(c.var.core, userId), c.var.core.config), 200);
};

export const patchAdminUser: RouteHandler<typeof patchAdminUserRoute, AppEnv> = async (c) => {
  const { userId } = c.req.valid("param");
  const { plan, role, reason } = c.req.valid("json");
  const user = await setUserAccess(c.var.core, {
    adminId: c.var.caller.userId,
    userId,
    plan,
    role,
    reason,
  });
  return c.json(toAdminUser(user, c.var.core.config), 200);
};

export const adminUserLedger: RouteHandler<typeof adminUserLedgerRoute, AppEnv> = async (c) => {
  const { userId } = c.req.valid("param");
  // The user must exist (404); the list reads beside it.
  const [, page] = await Promise.all([
    Ledger.getBalance(c.var.core, userId),
    Ledger.history(c.var.core, userId, c.req.valid("query")),
  ]);
  return c.json(transactionsBody(page), 200);
};

export const listAuditEvents: RouteHandler<typeof listAuditRoute, AppEnv> = async (c) => {
  const { adminId, userId, type, limit, cursor } = c.req.valid("query");
  const page = await listAudit(c.var.core, { adminId, userId, type, limit, cursor });
  return c.json({ events: page.events.map(toAuditEvent), limit, nextCursor: page.cursor }, 200);
};

function toAdminUser(user: UserItem, config: Config) {
  return {
    ...privateProfile(user, config),
    ledgerEntries: user.ledgerSeq,
    updatedAt: user.updatedAt,
  };
}

function toAuditEvent(event: AuditEventItem) {
  return {
    id: event.eventId,
    type: event.type,
    adminId: event.adminId,
    userId: event.userId,
    reason: event.reason,
    amount: event.amount ?? null,
    balanceBefore: event.balanceBefore ?? null,
    balanceAfter: event.balanceAfter ?? null,
    from: event.from ?? null,
    to: event.to ?? null,
    createdAt: event.createdAt,
  };
}
