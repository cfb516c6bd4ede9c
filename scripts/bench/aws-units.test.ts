import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Item,
  indexWrites,
  itemSize,
  numberSize,
  readUnits,
  valueSize,
  writeUnits,
} from "./aws-units";

const kb = 1024;

describe("item size by AWS's rules", () => {
  it.each<[string, AttributeValue, number]>([
    ["a string: its UTF-8 bytes", { S: "abc" }, 3],
    ["a multi-byte string", { S: "é€" }, 5],
    ["an empty string", { S: "" }, 0],
    ["a number: a byte per two significant digits, plus one", { N: "123" }, 3],
    ["a number with trailing zeros trimmed", { N: "100" }, 2],
    ["a number with leading zeros and a point", { N: "0.0015" }, 2],
    ["a negative number: one more byte", { N: "-12" }, 3],
    ["zero", { N: "0" }, 2],
    ["a boolean", { BOOL: true }, 1],
    ["a null", { NULL: true }, 1],
    ["binary: its bytes", { B: new Uint8Array(10) }, 10],
    ["an empty list", { L: [] }, 3],
    ["a list: 3 bytes plus each element and a byte", { L: [{ N: "1" }, { S: "a" }] }, 3 + 3 + 2],
    ["a map: 3 bytes plus each name, value and a byte", { M: { a: { S: "b" } } }, 3 + 3],
    ["a nested map", { M: { x: { M: { y: { N: "12" } } } } }, 3 + (1 + (3 + (1 + 2 + 1)) + 1)],
    ["a string set: its strings", { SS: ["ab", "cde"] }, 5],
    ["a number set: its numbers", { NS: ["1", "12345"] }, 2 + 4],
  ])("%s", (_what, value, bytes) => {
    expect(valueSize(value)).toBe(bytes);
  });

  it("counts every attribute's name with its value", () => {
    const item: Item = { pk: { S: "USER#1" }, balance: { N: "1000" }, active: { BOOL: true } };
    expect(itemSize(item)).toBe(2 + 6 + 7 + 2 + 6 + 1);
  });

  it("grows by exactly a string attribute's name and value", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1 }), fc.string()),
        fc.string({ minLength: 1 }),
        fc.string(),
        (attributes, name, text) => {
          fc.pre(!(name in attributes));
          const item = Object.fromEntries(
            Object.entries(attributes).map(([key, value]) => [key, { S: value }]),
          ) as Item;
          const bigger = { ...item, [name]: { S: text } } as Item;
          expect(itemSize(bigger) - itemSize(item)).toBe(
            Buffer.byteLength(name) + Buffer.byteLength(text),
          );
        },
      ),
    );
  });

  it("sizes a number by its significant digits, not its magnitude", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 30 }), (d, zeros) => {
        expect(numberSize(`${d}${"0".repeat(zeros)}`)).toBe(2);
      }),
    );
  });
});

describe("capacity units by AWS's rules", () => {
  // The developer guide's own figures.
  it.each([
    ["a 1 KB item costs 1 WCU", 1 * kb, false, 1],
    ["a 3.5 KB item costs 4 WCU", 3.5 * kb, false, 4],
    ["a 500-byte item still costs 1 WCU", 500, false, 1],
    ["a 1 KB item in a transaction costs 2 WCU", 1 * kb, true, 2],
    ["a 3 KB item in a transaction costs 6 WCU", 3 * kb, true, 6],
  ])("%s", (_what, bytes, transactional, units) => {
    expect(writeUnits(bytes, { transactional })).toBe(units);
  });

  it.each([
    ["a 3.5 KB strongly consistent read costs 1 RCU", 3.5 * kb, "strong", 1],
    ["an eventually consistent one half", 3.5 * kb, "eventual", 0.5],
    ["a 10 KB strongly consistent read costs 3 RCU", 10 * kb, "strong", 3],
    ["a 10 KB transactional read costs 6 RCU", 10 * kb, "transactional", 6],
    ["a missing item still costs 1 RCU", 0, "strong", 1],
    ["a Query evaluating 1.5 KB and 6.5 KB items (8 KB) costs 2 RCU", 8 * kb, "strong", 2],
  ] as const)("%s", (_what, bytes, mode, units) => {
    expect(readUnits(bytes, mode)).toBe(units);
  });

  it("rounds each item up on its own: BatchGetItem of 1.5 KB and 6.5 KB is 3 RCU, not 2", () => {
    expect(readUnits(1.5 * kb, "strong") + readUnits(6.5 * kb, "strong")).toBe(3);
  });

  it("bills a transaction twice a plain write, and an eventual read half a strong one", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 * kb }), (bytes) => {
        expect(writeUnits(bytes, { transactional: true })).toBe(2 * writeUnits(bytes));
        expect(readUnits(bytes, "eventual")).toBe(readUnits(bytes, "strong") / 2);
        expect(writeUnits(bytes)).toBe(Math.max(1, Math.ceil(bytes / kb)));
      }),
    );
  });
});

describe("index writes", () => {
  const byOwner = { indexName: "gsi1", partitionKey: "gsi1pk", sortKey: "gsi1sk" };
  const byStatus = { indexName: "gsi2", partitionKey: "gsi2pk", sortKey: "gsi2sk" };
  const base: Item = {
    pk: { S: "BET#1" },
    sk: { S: "BET" },
    gsi1pk: { S: "USER#1" },
    gsi1sk: { S: "BET#1" },
    amount: { N: "10" },
  };

  it("writes each index the new item enters, once", () => {
    const writes = indexWrites(undefined, base, [byOwner, byStatus]);
    expect(writes).toEqual([{ indexName: "gsi1", partition: "USER#1", kind: "put", units: 1 }]);
  });

  it("writes nothing when the item did not change", () => {
    expect(indexWrites(base, { ...base }, [byOwner])).toEqual([]);
  });

  it("updates the entry in place when a projected attribute changed and its key did not", () => {
    const writes = indexWrites(base, { ...base, amount: { N: "20" } }, [byOwner]);
    expect(writes.map((write) => write.kind)).toEqual(["update"]);
  });

  it("deletes and puts (2 writes) when the index key changes", () => {
    const moved = { ...base, gsi1pk: { S: "USER#2" } };
    const writes = indexWrites(base, moved, [byOwner]);
    expect(writes.map((write) => `${write.kind} ${write.partition}`)).toEqual([
      "delete USER#1",
      "put USER#2",
    ]);
  });

  it("deletes the entry when the item leaves a sparse index", () => {
    const { gsi1sk: _gone, ...left } = base;
    expect(indexWrites(base, left, [byOwner]).map((write) => write.kind)).toEqual(["delete"]);
  });

  it("costs a KB of the whole item per entry (every index projects ALL)", () => {
    const big = { ...base, blob: { S: "x".repeat(2 * kb) } };
    expect(indexWrites(undefined, big, [byOwner])[0]?.units).toBe(3);
  });
});
