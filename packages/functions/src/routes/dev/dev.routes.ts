import { z } from "@hono/zod-openapi";
import { publicRoute } from "../../http/routes";

export const OutboxEmailSchema = z
  .object({
    id: z.string(),
    sentAt: z.string(),
    to: z.string(),
    subject: z.string(),
    text: z.string(),
  })
  .openapi("OutboxEmail");

export const listOutbox = publicRoute({
  method: "get",
  path: "/dev/outbox",
  tags: ["Development"],
  summary: "Emails the local outbox holds, newest first (local runs only)",
  request: { query: z.object({ to: z.string().max(254).optional() }) },
  responses: {
    200: {
      description: "Emails",
      content: { "application/json": { schema: z.object({ emails: z.array(OutboxEmailSchema) }) } },
    },
  },
});
