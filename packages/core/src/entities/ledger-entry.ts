import { Entity, type EntityItem } from "electrodb";

export const ledgerEntryTypes = [
  "signup_bonus",
  "daily_reward",
  "bet_placed",
  "bet_payout",
  "bet_refund",
  "bet_cashout",
  "prediction_charge",
  "prediction_refund",
  "admin_grant",
  "admin_adjustment",
  "migration_grant",
  "purchase",
  "purchase_refund",
  "transfer_out",
  "transfer_in",
  "referral_bonus",
  "expiration",
] as const;

export type LedgerEntryType = (typeof ledgerEntryTypes)[number];

/** Zero-padded so the string sort key orders entries by sequence number. */
const seqPadding = { length: 12, char: "0" };

/**
 * One credit movement. `seq` is the user's ledger sequence number after this
 * entry, so the entries of a user form a gap-free chain in commit order and
 * `balanceAfter` of entry n equals `balanceAfter` of entry n-1 plus `amount`.
 */
export const LedgerEntry = new Entity({
  model: { entity: "ledgerEntry", version: "1", service: "market" },
  attributes: {
    userId: { type: "string", required: true, readOnly: true },
    seq: { type: "number", required: true, readOnly: true, padding: seqPadding },
    entryId: { type: "string", required: true, readOnly: true },
    amount: { type: "number", required: true, readOnly: true },
    type: { type: ledgerEntryTypes, required: true, readOnly: true },
    reason: { type: "string", required: true, readOnly: true },
    referenceId: { type: "string", readOnly: true },
    /** The market a bet or prediction entry is about (absent on entries written before it was kept). */
    marketId: { type: "string", readOnly: true },
    idempotencyKey: { type: "string", required: true, readOnly: true },
    balanceAfter: { type: "number", required: true, readOnly: true },
    /** What a credit capped at the balance cap could not add (docs/product-rules.md). */
    forfeited: { type: "number", readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byUser: {
      pk: { field: "pk", composite: ["userId"] },
      sk: { field: "sk", composite: ["seq"] },
    },
    byUserAndType: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["userId", "type"] },
      sk: { field: "gsi1sk", composite: ["seq"] },
    },
  },
});

export type LedgerEntryItem = EntityItem<typeof LedgerEntry>;
