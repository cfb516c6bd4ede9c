import { Entity, type EntityItem } from "electrodb";

export const auditEventTypes = [
  "admin_grant",
  "admin_adjustment",
  "plan_change",
  "role_change",
  "market_create",
  "market_resolve",
  "market_settle",
  "job_run",
] as const;

export type AuditEventType = (typeof auditEventTypes)[number];

/**
 * What an admin did: to a user, written in the same transaction as the change
 * itself (the ledger entry of a grant, the user update of a plan change), so
 * there is never a change without its record nor a record without its change;
 * or to a market or a job (`subjectId`, no `userId`: such events are not in the
 * by-user index), written once the action succeeded.
 * Read newest first by admin, by user, by type or all together.
 */
export const AuditEvent = new Entity({
  model: { entity: "auditEvent", version: "1", service: "market" },
  attributes: {
    eventId: { type: "string", required: true, readOnly: true },
    type: { type: auditEventTypes, required: true, readOnly: true },
    adminId: { type: "string", required: true, readOnly: true },
    userId: { type: "string", readOnly: true },
    /** Market and job events: the market id, or the job's name. */
    subjectId: { type: "string", readOnly: true },
    reason: { type: "string", required: true, readOnly: true },
    /** Credit movements: the signed amount and the balance around it. */
    amount: { type: "number", readOnly: true },
    balanceBefore: { type: "number", readOnly: true },
    balanceAfter: { type: "number", readOnly: true },
    /** The ledger entry a credit movement wrote. */
    ledgerSeq: { type: "number", readOnly: true },
    /** Plan and role changes: the value before and after. */
    from: { type: "string", readOnly: true },
    to: { type: "string", readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
    /** One value for every event, so one index lists them all in time order. */
    scope: { type: "string", required: true, readOnly: true, default: "all", hidden: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["eventId"] },
      sk: { field: "sk", composite: [] },
    },
    byAdmin: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["adminId"] },
      sk: { field: "gsi1sk", composite: ["createdAt", "eventId"] },
    },
    byUser: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["userId"] },
      sk: { field: "gsi2sk", composite: ["createdAt", "eventId"] },
    },
    byType: {
      index: "gsi3",
      pk: { field: "gsi3pk", composite: ["type"] },
      sk: { field: "gsi3sk", composite: ["createdAt", "eventId"] },
    },
    // Admin actions are few; one partition holds the whole trail in order.
    everything: {
      index: "gsi4",
      pk: { field: "gsi4pk", composite: ["scope"] },
      sk: { field: "gsi4sk", composite: ["createdAt", "eventId"] },
    },
  },
});

export type AuditEventItem = EntityItem<typeof AuditEvent>;
