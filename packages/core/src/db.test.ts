import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { createTestContext } from "./test-support";

describe("the table's client", () => {
  it("sends without the SDK's call log, and a refused call still throws its own error", async () => {
    const { db } = await createTestContext();
    const item = { pk: "db-test", sk: "one", note: "kept" };

    await db.client.send(new PutCommand({ TableName: db.table, Item: item }));
    const refused = await db.client
      .send(
        new PutCommand({
          TableName: db.table,
          Item: item,
          ConditionExpression: "attribute_not_exists(pk)",
        }),
      )
      .catch((error: unknown) => error);
    const read = await db.client.send(
      new GetCommand({ TableName: db.table, Key: { pk: "db-test", sk: "one" } }),
    );

    expect(db.client.middlewareStack.identify().filter((name) => name.includes("logger"))).toEqual(
      [],
    );
    expect((refused as Error).name).toBe("ConditionalCheckFailedException");
    expect(read.Item).toEqual(item);
  });
});
