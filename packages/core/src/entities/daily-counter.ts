import { Entity, type EntityItem } from "electrodb";
import { type LedgerEntryType, ledgerEntryTypes } from "./ledger-entry";

/** `issued_<type>` / `spent_<type>`: cents a ledger type moved in or out that day. */
export type CreditCounter = `issued_${LedgerEntryType}` | `spent_${LedgerEntryType}`;

const counter = { type: "number" } as const;
const creditCounters = Object.fromEntries(
  ledgerEntryTypes.flatMap((type) => [
    [`issued_${type}`, counter],
    [`spent_${type}`, counter],
  ]),
) as Record<CreditCounter, typeof counter>;

/**
 * One shard of a UTC day's credit analytics, ADDed to by the transactions that
 * move credits or start and fail sessions (never computed by scanning). A day
 * has up to `COUNTER_SHARDS` of them, each transaction picking one at random;
 * a month's days share a partition, so a range of days is one Query per month.
 * Money counters are integer cents.
 */
export const DailyCounter = new Entity({
  model: { entity: "dailyCounter", version: "1", service: "market" },
  attributes: {
    month: { type: "string", required: true, readOnly: true },
    day: { type: "string", required: true, readOnly: true },
    shard: { type: "number", required: true, readOnly: true, padding: { length: 3, char: "0" } },
    ...creditCounters,
    /** Users active for the first time that day (a credit movement or an authenticated request). */
    activeUsers: counter,
    /** Bets placed (their stakes are `spent_bet_placed`). */
    bets: counter,
    /** Prediction sessions started, and those that ended in error (refunded). */
    sessions: counter,
    sessionsFailed: counter,
  },
  indexes: {
    byMonth: {
      pk: { field: "pk", composite: ["month"] },
      sk: { field: "sk", composite: ["day", "shard"] },
    },
  },
});

export type DailyCounterItem = EntityItem<typeof DailyCounter>;
