import { describe, expect, it } from "vitest";
import { entityOf, onShadows, repeatable, transactSubset } from "./replay";

const userUpdate = {
  Update: {
    TableName: "t",
    Key: { pk: "$market#userid_u1", sk: "$user_1" },
    UpdateExpression: "SET #balance = :b",
    ConditionExpression: "#ledgerSeq = :seq",
    ExpressionAttributeNames: { "#balance": "balance", "#ledgerSeq": "ledgerSeq" },
    ExpressionAttributeValues: { ":b": 90, ":seq": 1 },
  },
};
const betPut = {
  Put: {
    TableName: "t",
    Item: { pk: "$market#betid_b1", sk: "$bet_1", __edb_e__: "bet", amount: 10 },
    ConditionExpression: "attribute_not_exists(#pk)",
    ExpressionAttributeNames: { "#pk": "pk" },
  },
};
const write = {
  command: "TransactWriteItemsCommand",
  input: { TransactItems: [userUpdate, betPut] },
};

describe("replaying the app's DynamoDB calls", () => {
  it("creates under a fresh key and keeps every condition, made to pass", () => {
    const again = repeatable(write, "r7");
    const [update, put] = again.input.TransactItems as [typeof userUpdate, typeof betPut];

    expect(put.Put.Item.pk).toBe("$market#betid_b1#r7");
    expect(put.Put.ConditionExpression).toBe("attribute_not_exists(#pk)");
    expect(update.Update.Key).toEqual(userUpdate.Update.Key);
    expect(update.Update.ConditionExpression).toBe(
      "(#ledgerSeq = :seq) OR attribute_not_exists(#benchNever)",
    );
    expect(update.Update.ExpressionAttributeNames).toMatchObject({ "#benchNever": "benchNever" });
    // The captured call itself is left as it was, for the next replay.
    expect(write.input.TransactItems[1]).toBe(betPut);
    expect(betPut.Put.Item.pk).toBe("$market#betid_b1");
  });

  it("sends reads unchanged and picks items by entity", () => {
    const read = { command: "GetItemCommand", input: { Key: { pk: "x", sk: "$user_1" } } };

    expect(repeatable(read, "r1")).toBe(read);
    expect(entityOf(userUpdate)).toBe("user");
    expect(entityOf(betPut)).toBe("bet");
    expect(transactSubset(write, (item) => entityOf(item) === "bet").input.TransactItems).toEqual([
      betPut,
    ]);
  });

  it("aims updates, deletes and checks at a shadow of their item, never at the live one", () => {
    const check = {
      ConditionCheck: { TableName: "t", Key: { pk: "$market#marketid_m1", sk: "$market_1" } },
    };
    const captured = {
      command: "TransactWriteItemsCommand",
      input: { TransactItems: [userUpdate, betPut, check] },
    };
    const single = { command: "UpdateItemCommand", input: { ...userUpdate.Update } };

    const [transaction, update] = onShadows([captured, single]) as [typeof captured, typeof single];
    const [user, bet, market] = transaction.input.TransactItems as [
      typeof userUpdate,
      typeof betPut,
      typeof check,
    ];

    expect(user.Update.Key.pk).toBe("$market#userid_u1#benchShadow");
    expect(market.ConditionCheck.Key.pk).toBe("$market#marketid_m1#benchShadow");
    expect(update.input.Key.pk).toBe("$market#userid_u1#benchShadow");
    // Creations get their fresh key from `repeatable`; the captured calls stay as they were.
    expect(bet.Put.Item.pk).toBe("$market#betid_b1");
    expect(userUpdate.Update.Key.pk).toBe("$market#userid_u1");
  });
});
