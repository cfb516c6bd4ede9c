import type { CoreContext } from "../context";
import type { AuditEventItem, AuditEventType } from "../entities/audit-event";
import { ValidationFailed } from "../errors";
import { readPage, serviceFor } from "../service";

export interface AuditFilter {
  adminId?: string | undefined;
  userId?: string | undefined;
  type?: AuditEventType | undefined;
  /** 1 to 200; default 50. */
  limit?: number | undefined;
  cursor?: string | null | undefined;
}

export interface AuditPage {
  events: AuditEventItem[];
  cursor: string | null;
}

export const maxAuditLimit = 200;

/**
 * The audit trail, newest first. The most selective filter picks the index
 * (user, then admin, then type, else the whole trail) and the others filter
 * that Query (pages are still full: ElectroDB reads on until `limit` match).
 */
export async function listAudit(ctx: CoreContext, filter: AuditFilter = {}): Promise<AuditPage> {
  const limit = filter.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > maxAuditLimit) {
    throw new ValidationFailed("Invalid limit", {
      limit: `must be an integer from 1 to ${maxAuditLimit}`,
    });
  }
  const { query } = serviceFor(ctx.db).entities.auditEvent;
  const { adminId, userId, type } = filter;
  const base = userId
    ? query.byUser({ userId })
    : adminId
      ? query.byAdmin({ adminId })
      : type
        ? query.byType({ type })
        : query.everything({ scope: "all" });
  // The index answers one filter; the others narrow its Query.
  const filtered = base.where((item, { eq }) =>
    [
      userId && adminId ? eq(item.adminId, adminId) : "",
      type && (userId || adminId) ? eq(item.type, type) : "",
    ]
      .filter(Boolean)
      .join(" AND "),
  );
  const page = await readPage(() =>
    // `count` reads on past filtered-out events until the page is full.
    filtered.go({ order: "desc", count: limit, cursor: filter.cursor ?? null }),
  );
  return { events: page.data, cursor: page.cursor };
}
