/**
 * What AWS would bill for a DynamoDB request, computed from the items it reads and
 * writes, by the rules of the DynamoDB developer guide ("Read/write capacity
 * units", "Item sizes", "Capacity for transactions", "Global secondary indexes:
 * provisioned throughput"). DynamoDB Local's `ConsumedCapacity` does not follow
 * them (it bills a TransactWriteItems at a flat figure whatever it holds), so the
 * bench and `npm run capacity` price requests here instead.
 *
 * The rules, as applied (one place; docs/capacity.md quotes them):
 * - Item size: the UTF-8 bytes of every attribute name plus its value. String and
 *   binary: their bytes. Number: 1 byte per two significant digits, plus 1 (plus 1
 *   more when negative). Boolean and null: 1. List and map: 3 bytes, plus per
 *   element its value and 1 byte (a map element also its name). Sets: the sum of
 *   their elements.
 * - Writes: 1 WCU per 1 KB (1,024 bytes), rounded up per item, of the larger of the
 *   item before and after the write (a missing item counts as 0 bytes; every write
 *   costs at least 1). Transactional writes: 2 WCU per KB per item.
 * - Reads: 1 RCU per 4 KB rounded up per item (strongly consistent), half for an
 *   eventually consistent read, 2 per 4 KB in a transaction. A read of a missing
 *   item still costs the minimum. BatchGetItem: each item on its own. Query and
 *   Scan: the sum of every item evaluated (before the filter), rounded up to 4 KB
 *   once per request. A ConditionCheck in a TransactWriteItems is a transactional
 *   read of the item (2 RCU per 4 KB).
 * - Global secondary indexes (every index projects ALL, so an index entry is the
 *   whole item): per index, nothing when the item is in it neither before nor after
 *   (sparse), or when nothing changed; 1 write of the entry when it enters, leaves,
 *   or changes with the same index key; 2 (a delete and a put) when its index key
 *   changes. Index writes are never transactional: 1 WCU per KB of the entry.
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";

export type Item = Record<string, AttributeValue>;

const utf8 = (text: string) => Buffer.byteLength(text, "utf8");

/** The bytes of a number as DynamoDB stores it: significant digits in pairs, plus one. */
export function numberSize(text: string): number {
  const trimmed = text.trim();
  const negative = trimmed.startsWith("-");
  const mantissa = trimmed.replace(/^[+-]/, "").replace(/[eE].*$/, "");
  const digits = mantissa.replace(".", "").replace(/^0+/, "").replace(/0+$/, "");
  const significant = Math.max(1, digits.length);
  return Math.ceil(significant / 2) + 1 + (negative ? 1 : 0);
}

/** The bytes of one attribute value (without its name). */
export function valueSize(value: AttributeValue): number {
  if (value.S !== undefined) return utf8(value.S);
  if (value.N !== undefined) return numberSize(value.N);
  if (value.B !== undefined) return value.B.byteLength;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS !== undefined) return value.SS.reduce((sum, text) => sum + utf8(text), 0);
  if (value.NS !== undefined) return value.NS.reduce((sum, text) => sum + numberSize(text), 0);
  if (value.BS !== undefined) return value.BS.reduce((sum, bytes) => sum + bytes.byteLength, 0);
  if (value.L !== undefined) return 3 + value.L.reduce((sum, each) => sum + valueSize(each) + 1, 0);
  if (value.M !== undefined) {
    return (
      3 +
      Object.entries(value.M).reduce(
        (sum, [name, each]) => sum + utf8(name) + valueSize(each) + 1,
        0,
      )
    );
  }
  throw new Error(`Unknown attribute value: ${JSON.stringify(value)}`);
}

/** The bytes of an item: every attribute's name and value. A missing item is 0. */
export function itemSize(item: Item | undefined): number {
  if (!item) return 0;
  return Object.entries(item).reduce(
    (sum, [name, value]) => sum + utf8(name) + valueSize(value),
    0,
  );
}

export const writeUnitBytes = 1024;
export const readUnitBytes = 4096;

/** WCU for writing one item of `bytes` (the larger of before and after). */
export function writeUnits(bytes: number, options: { transactional?: boolean } = {}): number {
  const units = Math.max(1, Math.ceil(bytes / writeUnitBytes));
  return options.transactional ? 2 * units : units;
}

export type ReadMode = "strong" | "eventual" | "transactional";

/** RCU for reading `bytes` (one item, or the whole of what a Query or Scan evaluated). */
export function readUnits(bytes: number, mode: ReadMode): number {
  const units = Math.max(1, Math.ceil(bytes / readUnitBytes));
  if (mode === "eventual") return units / 2;
  if (mode === "transactional") return 2 * units;
  return units;
}

export interface IndexKeys {
  indexName: string;
  partitionKey: string;
  sortKey: string;
}

/** One write to one index partition, for the capacity model. */
export interface IndexWrite {
  indexName: string;
  /** The index partition key value the write lands on. */
  partition: string;
  kind: "put" | "delete" | "update";
  units: number;
}

const keyOf = (item: Item | undefined, index: IndexKeys) => {
  const pk = item?.[index.partitionKey];
  const sk = item?.[index.sortKey];
  if (!pk || !sk) return undefined;
  return JSON.stringify([pk, sk]);
};

const partitionOf = (item: Item, index: IndexKeys) =>
  printable(item[index.partitionKey] as AttributeValue);

/** An attribute value as a key string (the S or N it holds). */
export function printable(value: AttributeValue): string {
  return value.S ?? value.N ?? JSON.stringify(value);
}

/** The index writes one item write causes, by the rule in this module's header. */
export function indexWrites(
  before: Item | undefined,
  after: Item | undefined,
  indexes: readonly IndexKeys[],
): IndexWrite[] {
  const writes: IndexWrite[] = [];
  const changed = !sameItem(before, after);
  for (const index of indexes) {
    const was = keyOf(before, index);
    const is = keyOf(after, index);
    if (!was && !is) continue;
    if (was && is && was === is) {
      if (changed && after) {
        const units = writeUnits(Math.max(itemSize(before), itemSize(after)));
        writes.push({
          indexName: index.indexName,
          partition: partitionOf(after, index),
          kind: "update",
          units,
        });
      }
      continue;
    }
    if (was && before) {
      writes.push({
        indexName: index.indexName,
        partition: partitionOf(before, index),
        kind: "delete",
        units: writeUnits(itemSize(before)),
      });
    }
    if (is && after) {
      writes.push({
        indexName: index.indexName,
        partition: partitionOf(after, index),
        kind: "put",
        units: writeUnits(itemSize(after)),
      });
    }
  }
  return writes;
}

function sameItem(a: Item | undefined, b: Item | undefined): boolean {
  if (!a || !b) return a === b;
  return canonical(a) === canonical(b);
}

/** Attribute order does not matter to DynamoDB; nor does it here. */
function canonical(value: unknown): string {
  if (value instanceof Uint8Array) return `b:${Buffer.from(value).toString("base64")}`;
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, each]) => each !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, each]) => `${JSON.stringify(key)}:${canonical(each)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
