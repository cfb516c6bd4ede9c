import { z } from "@hono/zod-openapi";
import { auditEventTypes, plans, userRoles } from "@market/core/entities";
import { pageSchema } from "../../http/pages";
import { PrivateProfileSchema } from "../../http/profile-schemas";
import { adminRoute } from "../../http/route-kinds";
import { errorContent, jsonBody, jsonResponse } from "../../http/schemas";
import { TransactionSchema, transactionsQuery } from "../transactions/transactions.routes";

const userIdParam = z.object({ userId: z.string().min(1).max(64) });
const cursor = z.string().max(2048).optional();

/** What an admin sees of a user: the private profile plus the ledger's bookkeeping. */
export const AdminUserSchema = PrivateProfileSchema.extend({
  ledgerEntries: z.number().int(),
  updatedAt: z.string().openapi({ format: "date-time" }),
}).openapi("AdminUser");

export const AuditEventSchema = z
  .object({
    id: z.string(),
    type: z.enum(auditEventTypes),
    adminId: z.string(),
    userId: z
      .string()
      .openapi({ description: "The user acted on; empty for market and job events" }),
    subjectId: z
      .string()
      .nullable()
      .openapi({ description: "Market and job events: the market id or the job's name" }),
    reason: z.string(),
    amount: z.number().nullable(),
    balanceBefore: z.number().nullable(),
    balanceAfter: z.number().nullable(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    createdAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("AuditEvent");

export const searchUsers = adminRoute({
  method: "get",
  path: "/admin/users",
  operationId: "searchUsers",
  tags: ["Admin"],
  summary: "Find users by email prefix or username prefix",
  request: {
    query: z
      .object({
        email: z.string().trim().min(1).max(254).optional(),
        username: z.string().trim().min(1).max(50).optional(),
        limit: z.coerce.number().int().min(1).max(100).default(20),
        cursor,
      })
      .strict(),
  },
  responses: {
    200: jsonResponse(
      "One page of matching users; pass `nextCursor` back as `cursor` for the next",
      z.object({
        users: z.array(AdminUserSchema),
        limit: z.number().int(),
        nextCursor: z.string().nullable(),
      }),
    ),
    400: errorContent("Neither or both of email and username, or an invalid limit"),
  },
});

export const getAdminUser = adminRoute({
  method: "get",
  path: "/admin/users/{userId}",
  operationId: "getUser",
  tags: ["Admin"],
  summary: "A user's full profile: balance, totals, plan and role",
  request: { params: userIdParam },
  responses: {
    200: jsonResponse("The user", AdminUserSchema),
    404: errorContent("USER_NOT_FOUND"),
  },
});

export const patchAdminUser = adminRoute({
  method: "patch",
  path: "/admin/users/{userId}",
  operationId: "updateUser",
  tags: ["Admin"],
  summary: "Set a user's plan and/or role (audited)",
  request: {
    params: userIdParam,
    body: jsonBody(
      z
        .object({
          plan: z.enum(plans).optional(),
          role: z.enum(userRoles).optional(),
          reason: z.string().trim().min(1).max(200),
        })
        .strict(),
    ),
  },
  responses: {
    200: jsonResponse("The user after the change", AdminUserSchema),
    400: errorContent("Invalid body, or nothing to change"),
    404: errorContent("USER_NOT_FOUND"),
  },
});

export const adminUserLedger = adminRoute({
  method: "get",
  path: "/admin/users/{userId}/ledger",
  operationId: "listUserLedger",
  tags: ["Admin"],
  summary: "A user's ledger entries with their reasons, newest first",
  request: {
    params: userIdParam,
    query: transactionsQuery,
  },
  responses: {
    200: jsonResponse("One page of entries", pageSchema("transactions", TransactionSchema)),
    400: errorContent("Invalid query"),
    404: errorContent("USER_NOT_FOUND"),
  },
});

export const listAuditEvents = adminRoute({
  method: "get",
  path: "/admin/audit",
  operationId: "listAuditEvents",
  tags: ["Admin"],
  summary: "The audit trail of admin actions, newest first",
  description: "Filter by `adminId`, `userId` and `type`; a filtered page may be short.",
  request: {
    query: z
      .object({
        adminId: z.string().min(1).max(64).optional(),
        userId: z.string().min(1).max(64).optional(),
        type: z.enum(auditEventTypes).optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        cursor,
      })
      .strict(),
  },
  responses: {
    200: jsonResponse(
      "One page of events",
      z.object({
        events: z.array(AuditEventSchema),
        limit: z.number().int(),
        nextCursor: z.string().nullable(),
      }),
    ),
    400: errorContent("Invalid query"),
  },
});
