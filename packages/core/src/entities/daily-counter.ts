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

/** The shard number that holds a day's counts moved from the month-partitioned layout. */
export const legacyShard = 999;

const attributes = {
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
} as const;

/**
 * One shard of a UTC day's credit analytics, ADDed to by the transactions that
 * move credits or start and fail sessions (never computed by scanning). A day
 * has up to `COUNTER_SHARDS` of them, each transaction picking one at random,
 * and each shard is a partition of its own (`<day>#<shard>`), so no partition
 * takes more than its share of the credit movements; a range of days is one
 * BatchGetItem per 100 shards. Money counters are integer cents. Shard
 * `legacyShard` holds what `npm run migrate:daily-counters` moved from version
 * 1, whose shards shared one partition per month.
 */
export const DailyCounter = new Entity({
  model: { entity: "dailyCounter", version: "2", service: "market" },
  attributes,
  indexes: {
    byShard: {
      pk: { field: "pk", composite: ["day", "shard"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

export type DailyCounterItem = EntityItem<typeof DailyCounter>;

/** The entity version whose shards shared one partition per month (`migrate:daily-counters`). */
export const monthPartitionedVersion = "1";
