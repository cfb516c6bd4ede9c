import { z } from "@hono/zod-openapi";
import { adminRoute } from "../../http/route-kinds";

export const OutboxEmailSchema = z
  .object({
    id: z.string(),
    sentAt: z.string(),
    to: z.string(),
    subject: z.string(),
    text: z.string(),
  })
  .openapi("OutboxEmail");

/** Admins only: the outbox holds reset and verification links, as good as passwords. */
export const listOutbox = adminRoute({
  method: "get",
  path: "/dev/outbox",
  tags: ["Development"],
  summary: "Emails the local outbox holds, newest first (local runs only, admins only)",
  request: { query: z.object({ to: z.string().max(254).optional() }) },
  responses: {
    200: {
      description: "Emails",
      content: { "application/json": { schema: z.object({ emails: z.array(OutboxEmailSchema) }) } },
    },
  },
});
