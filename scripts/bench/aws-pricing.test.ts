import {
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactGetCommand,
  TransactWriteCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Db } from "../../packages/core/src/db";
import { createTestDb } from "../test/db";
import { itemSize } from "./aws-units";
import { type DynamoMeter, meterDynamo } from "./db-calls";

let db: Db;
let meter: DynamoMeter;
const kb = 1024;
/** An item of exactly `bytes` by AWS's rules (its `body` attribute makes up the rest). */
const sized = (pk: string, bytes: number, extra: Record<string, string> = {}) => {
  const item: Record<string, string> = { pk, sk: "item", ...extra };
  const asStrings = Object.fromEntries(Object.entries(item).map(([name, S]) => [name, { S }]));
  const rest = bytes - itemSize(asStrings) - "body".length;
  return { ...item, body: "x".repeat(rest) };
};

beforeAll(async () => {
  db = await createTestDb("pricing");
  meter = meterDynamo(db, { endpoint: inject("dynamoEndpoint") });
});
afterAll(() => meter.destroy());

describe("pricing the app's requests by AWS's rules, through the SDK middleware", () => {
  it("bills a new 3 KB item 3 WCU and its index entry 3 more, where DynamoDB Local says 1", async () => {
    const priced = await meter.price(() =>
      db.client.send(
        new PutCommand({
          TableName: db.table,
          Item: sized("P#1", 3 * kb, { gsi1pk: "OWNER#1", gsi1sk: "P#1" }),
        }),
      ),
    );
    expect(priced).toHaveLength(1);
    expect(priced[0]?.aws).toEqual({ read: 0, write: 6 });
    expect(priced[0]?.touches).toEqual([
      { index: "table", partition: "P#1", read: 0, write: 3 },
      { index: "gsi1", partition: "OWNER#1", read: 0, write: 3 },
    ]);
  });

  it("bills an update by the larger of the item before and after", async () => {
    await db.client.send(new PutCommand({ TableName: db.table, Item: sized("P#2", 2.5 * kb) }));
    const [priced] = await meter.price(() =>
      db.client.send(
        new UpdateCommand({
          TableName: db.table,
          Key: { pk: "P#2", sk: "item" },
          UpdateExpression: "SET body = :small",
          ExpressionAttributeValues: { ":small": "x" },
        }),
      ),
    );
    expect(priced?.aws.write).toBe(3);
  });

  it("bills a transaction 2 WCU per KB per item and a ConditionCheck as a transactional read", async () => {
    await db.client.send(new PutCommand({ TableName: db.table, Item: sized("M#1", 5 * kb) }));
    await db.client.send(new PutCommand({ TableName: db.table, Item: sized("U#1", 500) }));
    const [priced] = await meter.price(() =>
      db.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              ConditionCheck: {
                TableName: db.table,
                Key: { pk: "M#1", sk: "item" },
                ConditionExpression: "attribute_exists(pk)",
              },
            },
            {
              Update: {
                TableName: db.table,
                Key: { pk: "U#1", sk: "item" },
                UpdateExpression: "SET balance = :b",
                ExpressionAttributeValues: { ":b": 90 },
              },
            },
            { Put: { TableName: db.table, Item: sized("E#1", 1.5 * kb) } },
          ],
        }),
      ),
    );
    // ConditionCheck 5 KB: 2 × 2 RCU; update 0.5 KB: 2 WCU; put 1.5 KB: 2 × 2 WCU.
    expect(priced?.aws).toEqual({ read: 4, write: 6 });
    expect(priced?.local.write).toBeGreaterThan(0);
  });

  it("bills reads per item, missing ones at the minimum, eventually consistent ones half", async () => {
    await db.client.send(new PutCommand({ TableName: db.table, Item: sized("R#1", 9 * kb) }));
    const priced = await meter.price(async () => {
      await db.client.send(
        new GetCommand({
          TableName: db.table,
          Key: { pk: "R#1", sk: "item" },
          ConsistentRead: true,
        }),
      );
      await db.client.send(new GetCommand({ TableName: db.table, Key: { pk: "R#1", sk: "item" } }));
      await db.client.send(
        new TransactGetCommand({
          TransactItems: [
            { Get: { TableName: db.table, Key: { pk: "R#1", sk: "item" } } },
            { Get: { TableName: db.table, Key: { pk: "none", sk: "item" } } },
          ],
        }),
      );
    });
    expect(priced.map((call) => call.aws.read)).toEqual([3, 1.5, 6 + 2]);
  });

  it("bills a filtered Query for every item it evaluated, rounded up once", async () => {
    for (const [index, bytes] of [1.5 * kb, 6.5 * kb].entries()) {
      await db.client.send(
        new PutCommand({
          TableName: db.table,
          Item: sized("Q#1", bytes, { sk: `item${index}`, kind: index ? "b" : "a" }),
        }),
      );
    }
    const [priced] = await meter.price(() =>
      db.client.send(
        new QueryCommand({
          TableName: db.table,
          KeyConditionExpression: "pk = :pk",
          FilterExpression: "kind = :kind",
          ExpressionAttributeValues: { ":pk": "Q#1", ":kind": "a" },
          ConsistentRead: true,
        }),
      ),
    );
    // 1.5 KB + 6.5 KB (the filtered-out item too) = 8 KB: 2 RCU.
    expect(priced?.aws.read).toBe(2);
    expect(priced?.touches[0]).toMatchObject({ index: "table", partition: "Q#1" });
  });
});
