import type { CoreContext } from "../context";
import type { AuditEventItem, AuditEventType } from "../entities/audit-event";
import { pageSizes } from "../limits";
import { listPage, scopeOf, sourceOf } from "../paging";
import { serviceFor } from "../service";

export interface AuditFilter {
  adminId?: string | undefined;
  userId?: string | undefined;
  type?: AuditEventType | undefined;
  /** 1 to 200; default 50 (`pageSizes.audit`). */
  limit?: number | undefined;
  cursor?: string | null | undefined;
}

export interface AuditPage {
  events: AuditEventItem[];
  cursor: string | null;
}

/**
 * The audit trail, newest first. The most selective filter picks the index
 * (user, then admin, then type, else the whole trail) and the others filter
 * that Query; a page is read with a `Limit` and may end short (with a cursor)
 * when the filters drop many events.
 */
export async function listAudit(ctx: CoreContext, filter: AuditFilter = {}): Promise<AuditPage> {
  const events = serviceFor(ctx.db).entities.auditEvent;
  const { query } = events;
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
  const page = await listPage(ctx, filter, {
    scope: scopeOf("audit", null, { adminId, userId, type }),
    size: pageSizes.audit,
    query: sourceOf(filtered, events, "desc"),
  });
  return { events: page.items, cursor: page.nextCursor };
}

/** An admin action on a market or a job, for the audit trail. */
export interface AdminAction {
  type: Extract<AuditEventType, "market_create" | "market_resolve" | "market_settle" | "job_run">;
  adminId: string;
  /** The market id, or the job's name. */
  subjectId: string;
  reason: string;
  /** Resolutions: the outcome chosen. */
  to?: string | undefined;
}

/**
 * Records an admin action on a market or a job once it succeeded. (User
 * changes write their event in their own transaction instead.)
 */
export async function recordAdminAction(ctx: CoreContext, action: AdminAction): Promise<void> {
  await serviceFor(ctx.db)
    .entities.auditEvent.create({
      eventId: ctx.newId(),
      type: action.type,
      adminId: action.adminId,
      subjectId: action.subjectId,
      reason: action.reason,
      ...(action.to === undefined ? {} : { to: action.to }),
      createdAt: ctx.clock().toISOString(),
    })
    .go();
}

/** An audit event as the admin API shows it. */
export function toAuditEventView(event: AuditEventItem) {
  return {
    id: event.eventId,
    type: event.type,
    adminId: event.adminId,
    // Market and job events have no user: "" keeps the field a string for clients.
    userId: event.userId ?? "",
    subjectId: event.subjectId ?? null,
    reason: event.reason,
    amount: event.amount ?? null,
    balanceBefore: event.balanceBefore ?? null,
    balanceAfter: event.balanceAfter ?? null,
    from: event.from ?? null,
    to: event.to ?? null,
    createdAt: event.createdAt,
  };
}
