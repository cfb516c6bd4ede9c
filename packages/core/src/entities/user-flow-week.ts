import { Entity, type EntityItem } from "electrodb";
import { type LedgerEntryType, ledgerEntryTypes } from "./ledger-entry";

/** `in_<type>` / `out_<type>`: cents a ledger type brought into or took out of the account that week. */
export type FlowCounter = `in_${LedgerEntryType}` | `out_${LedgerEntryType}`;

const counter = { type: "number" } as const;
const flowCounters = Object.fromEntries(
  ledgerEntryTypes.flatMap((type) => [
    [`in_${type}`, counter],
    [`out_${type}`, counter],
  ]),
) as Record<FlowCounter, typeof counter>;

/**
 * Where one user's credits went in one ISO week (`week`: `2026-W49`, the
 * leaderboard's week without its `week#`): integer cents in and out (both
 * positive) per ledger type, ADDed by the stream consumer for each ledger entry
 * (`derived/`), never by the money transaction and never computed by scanning.
 * One partition per user beside its `UserStat`s, so the newest weeks are one
 * Query; `ttl` `CREDIT_FLOW_WEEKS_KEPT` weeks after the week ends.
 */
export const UserFlowWeek = new Entity({
  model: { entity: "userFlowWeek", version: "1", service: "market" },
  attributes: {
    userId: { type: "string", required: true, readOnly: true },
    week: { type: "string", required: true, readOnly: true },
    ...flowCounters,
    /** Epoch seconds. */
    ttl: { type: "number" },
  },
  indexes: {
    byUser: {
      pk: { field: "pk", composite: ["userId"] },
      sk: { field: "sk", composite: ["week"] },
    },
  },
});

export type UserFlowWeekItem = EntityItem<typeof UserFlowWeek>;
