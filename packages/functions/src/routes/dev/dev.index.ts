import { normalizeEmail } from "@market/core/accounts";
import type { OutboxEmailSender } from "@market/core/email";
import { createRouter } from "../../http/validating-router";
import * as routes from "./dev.routes";

/**
 * Development-only routes. Mounted only when email goes to the local outbox
 * (never in a deployed stage), and only for admins: the outbox holds reset and
 * verification links, which are as good as the accounts' passwords.
 */
export function devRouter(outbox: OutboxEmailSender) {
  return createRouter().openapi(routes.listOutbox, async (c) => {
    const { to } = c.req.valid("query");
    const emails = await outbox.list();
    const wanted = to ? normalizeEmail(to) : undefined;
    return c.json({ emails: wanted ? emails.filter((email) => email.to === wanted) : emails }, 200);
  });
}
