import { Entity, type EntityItem } from "electrodb";
import { ledgerEntryTypes } from "./ledger-entry";

/**
 * Remembers the first outcome of a credit operation under its deterministic key
 * (`prediction_refund#<sessionId>`, `bet_payout#<betId>`, ...). Written in the
 * same transaction as the balance change, so a replay can never apply twice.
 */
export const IdempotencyKey = new Entity({
  model: { entity: "idempotencyKey", version: "1", service: "market" },
  attributes: {
    key: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
    amount: { type: "number", required: true, readOnly: true },
    type: { type: ledgerEntryTypes, required: true, readOnly: true },
    seq: { type: "number", required: true, readOnly: true },
    entryId: { type: "string", required: true, readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byKey: {
      pk: { field: "pk", composite: ["key"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

export type IdempotencyKeyItem = EntityItem<typeof IdempotencyKey>;
