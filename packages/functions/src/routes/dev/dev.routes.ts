import { createRoute, z } from "@hono/zod-openapi";
import { requireAdmin } from "../../http/auth";
import { errorContent } from "../../http/schemas";

export const OutboxEmailSchema = z
  .object({
    id: z.string(),
    sentAt: z.string(),
    to: z.string(),
    subject: z.string(),
    text: z.string(),
  })
  .openapi("OutboxEmail");

export const listOutboxRoute = createRoute({
  method: "get",
  path: "/dev/outbox",
  tags: ["Development"],
  summary: "Emails the local outbox holds, newest first (local runs only, admins only)",
  security: [{ bearerAuth: [] }],
  middleware: [requireAdmin] as const,
  request: { query: z.object({ to: z.string().max(254).optional() }) },
  responses: {
    200: {
      description: "Emails",
      content: { "application/json": { schema: z.object({ emails: z.array(OutboxEmailSchema) }) } },
    },
    401: errorContent("Missing or invalid access token"),
    403: errorContent("Not an admin: reset and verification links are secrets"),
  },
});
