/**
 * The capacity model of `npm run capacity` (docs/capacity.md): from each operation's
 * measured partition touches (units by AWS's rules, per request) and the load test's
 * request mix, the read and write rate of the hottest value of every partition key
 * pattern, flagged above half of what one partition serves.
 */
import type { KeyTouch } from "../bench/aws-pricing";

/** What one partition serves per second (DynamoDB's documented per-partition maximums). */
export const partitionLimits = { readUnitsPerSecond: 3000, writeUnitsPerSecond: 1000 };
/** A key is flagged above this fraction of either limit. */
export const flagAt = 0.5;

/** One operation, measured: each sample is one request's partition touches. */
export interface MeasuredOperation {
  name: string;
  samples: KeyTouch[][];
}

/** The ids the measured requests acted as and on, to tell a user's key from a shared one. */
export interface Identities {
  users: string[];
  markets: string[];
  clientIps: string[];
}

/**
 * How a key's value spreads, which decides the rate of its hottest value:
 * - `item`: holds an id made fresh for one request (a bet, a session, an idempotency
 *   key); one such item sees the units of its one request, taken as 1 request/s.
 * - `user`: holds the acting user's id; one user is capped by the per-user request limit.
 * - `client`: holds the caller's IP (anonymous reads); capped by the per-IP limit.
 * - `market`: holds a market id; the hottest market takes `hotMarketShare` of the traffic.
 * - `shared`: anything else; the traffic spreads evenly over the distinct values seen
 *   (1 value: a singleton that takes all of it; 10 shards: a tenth each).
 */
export type KeyClass = "item" | "user" | "client" | "market" | "shared";

export interface Scenario {
  name: string;
  /** Operations per second, by operation name. */
  rates: Record<string, number>;
  /** Of the `market` keys' traffic, the share the hottest market takes. */
  hotMarketShare: number;
  /** Requests per second one user can send (the per-user limit). */
  userRequestsPerSecond: number;
  /** Of the traffic, the share one user sends (settlement: their share of the bets). */
  userShare?: number;
  clientRequestsPerSecond: number;
}

export interface KeyRate {
  index: string;
  pattern: string;
  keyClass: KeyClass;
  /** Distinct values seen across all samples. */
  values: number;
  /**
   * Of a market-scoped key, the distinct values seen per market (its shards:
   * a market's gate items are 64 keys, each its own partition); 1 otherwise.
   */
  valuesPerMarket: number;
  /** Per scenario name: the hottest value's units per second and its share of the limits. */
  rates: Record<string, { read: number; write: number; utilisation: number; flagged: boolean }>;
  /** Operations that touch it, with units per request. */
  operations: Record<string, { read: number; write: number }>;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A key value with its ids and time buckets replaced by placeholders (`$market#userid_<user>`). */
export function patternOf(value: string, ids: Identities): string {
  let pattern = value;
  const replaceAll = (list: string[], placeholder: string) => {
    for (const id of [...list].sort((a, b) => b.length - a.length)) {
      if (id) pattern = pattern.replace(new RegExp(escapeRegExp(id), "gi"), placeholder);
    }
  };
  replaceAll(ids.users, "<user>");
  replaceAll(ids.markets, "<market>");
  replaceAll(ids.clientIps, "<ip>");
  return pattern
    .replace(/(?<![0-9a-z])[0-9a-hjkmnp-tv-z]{26}(?![0-9a-z])/gi, "<id>")
    .replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z?/g, "<time>")
    .replace(/\d{4}-w\d{2}/gi, "<week>")
    .replace(/\d{4}-\d{2}-\d{2}/g, "<day>")
    .replace(/\d{4}-\d{2}/g, "<month>")
    .replace(/\d{9,}/g, "<time>")
    .replace(/_\d+(?![\w-])/g, "_<n>");
}

/** The market ids a key value holds, joined: which market (or markets) it belongs to. */
function marketsIn(value: string, ids: Identities): string {
  const lower = value.toLowerCase();
  return ids.markets.filter((id) => id && lower.includes(id.toLowerCase())).join(",");
}

export function classOf(pattern: string): KeyClass {
  if (pattern.includes("<id>")) return "item";
  if (pattern.includes("<user>")) return "user";
  if (pattern.includes("<ip>")) return "client";
  if (pattern.includes("<market>")) return "market";
  return "shared";
}

/** Every key pattern's hottest value in every scenario, hottest first. */
export function keyRates(
  operations: MeasuredOperation[],
  ids: Identities,
  scenarios: Scenario[],
): KeyRate[] {
  const keys = new Map<string, KeyRate & { seen: Set<string> }>();
  for (const operation of operations) {
    const samples = Math.max(1, operation.samples.length);
    for (const touches of operation.samples) {
      for (const touch of touches) {
        const pattern = patternOf(touch.partition, ids);
        const id = `${touch.index} ${pattern}`;
        let key = keys.get(id);
        if (!key) {
          key = {
            index: touch.index,
            pattern,
            keyClass: classOf(pattern),
            values: 0,
            valuesPerMarket: 1,
            rates: {},
            operations: {},
            seen: new Set(),
          };
          keys.set(id, key);
        }
        key.seen.add(touch.partition);
        const units = key.operations[operation.name] ?? { read: 0, write: 0 };
        key.operations[operation.name] = units;
        units.read += touch.read / samples;
        units.write += touch.write / samples;
      }
    }
  }
  const result: KeyRate[] = [];
  for (const { seen, ...key } of keys.values()) {
    key.values = seen.size;
    if (key.keyClass === "market") {
      const markets = new Set([...seen].map((value) => marketsIn(value, ids)));
      key.valuesPerMarket = Math.max(1, Math.round(seen.size / Math.max(1, markets.size)));
    }
    for (const scenario of scenarios) {
      let read = 0;
      let write = 0;
      for (const [name, units] of Object.entries(key.operations)) {
        const rate = scenario.rates[name] ?? 0;
        const total = Object.values(scenario.rates).reduce((sum, each) => sum + each, 0);
        const perSecond = hottestValueRate(key, scenario, rate, total);
        read += units.read * perSecond;
        write += units.write * perSecond;
      }
      const utilisation = Math.max(
        read / partitionLimits.readUnitsPerSecond,
        write / partitionLimits.writeUnitsPerSecond,
      );
      key.rates[scenario.name] = {
        read: round(read),
        write: round(write),
        utilisation: round(utilisation),
        flagged: utilisation > flagAt,
      };
    }
    result.push(key);
  }
  const worst = (key: KeyRate) =>
    Math.max(...Object.values(key.rates).map((rate) => rate.utilisation));
  return result.sort((a, b) => worst(b) - worst(a));
}

/** Requests per second that reach the hottest value of `key` from one operation. */
function hottestValueRate(
  key: KeyRate,
  scenario: Scenario,
  operationRate: number,
  totalRate: number,
): number {
  switch (key.keyClass) {
    case "item":
      return Math.min(operationRate, 1);
    case "user": {
      // One user at the per-user limit sends this operation at its share of the mix.
      if (scenario.userShare !== undefined) return operationRate * scenario.userShare;
      const share = totalRate > 0 ? operationRate / totalRate : 0;
      return Math.min(operationRate, scenario.userRequestsPerSecond * share);
    }
    case "client": {
      const share = totalRate > 0 ? operationRate / totalRate : 0;
      return Math.min(operationRate, scenario.clientRequestsPerSecond * share);
    }
    case "market":
      return (operationRate * scenario.hotMarketShare) / key.valuesPerMarket;
    case "shared":
      return operationRate / Math.max(1, key.values);
  }
}

const round = (n: number) => Math.round(n * 100) / 100;
