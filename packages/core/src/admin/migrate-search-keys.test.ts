import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import type { CoreContext } from "../context";
import { openAccount } from "../ledger/open-account";
import { createTestContext } from "../test-support";
import { migrateUserSearchKeys } from "./migrate-search-keys";
import { findUsers } from "./users";

/** A user as accounts made them before issue 22: search keys on the user item itself. */
async function anOldUser(ctx: CoreContext, username: string) {
  const userId = `old-${username}`;
  await openAccount(ctx, { userId, email: `${username}@example.com`, username, role: "user" });
  const initial = username.slice(0, 1);
  await ctx.db.client.send(
    new UpdateCommand({
      TableName: ctx.db.table,
      Key: { pk: `$market#userid_${userId}`, sk: "$user_1" },
      UpdateExpression:
        "SET gsi2pk = :pk, gsi2sk = :sk, usernameKey = :key, usernameInitial = :initial",
      ExpressionAttributeValues: {
        ":pk": `$market#usernameinitial_${initial}`,
        ":sk": `$user_1#usernamekey_${username}`,
        ":key": username,
        ":initial": initial,
      },
    }),
  );
  return userId;
}

async function rawUser(ctx: CoreContext, userId: string) {
  const { Item } = await ctx.db.client.send(
    new GetCommand({
      TableName: ctx.db.table,
      Key: { pk: `$market#userid_${userId}`, sk: "$user_1" },
    }),
  );
  return Item;
}

describe("migrate:user-search", () => {
  it("moves old users' search keys to items of their own, once, and a dry run writes nothing", async () => {
    const ctx = await createTestContext();
    const userId = await anOldUser(ctx, "zoltan");
    const search = () => findUsers(ctx, { username: "zol" });
    expect((await search()).users).toEqual([]);

    const dry = await migrateUserSearchKeys(ctx, { dryRun: true });
    expect(dry).toEqual({ users: 1, keysWritten: 1, usersCleaned: 1 });
    expect((await search()).users).toEqual([]);
    expect(await rawUser(ctx, userId)).toHaveProperty("gsi2pk");

    expect(await migrateUserSearchKeys(ctx)).toEqual({ users: 1, keysWritten: 1, usersCleaned: 1 });
    expect((await search()).users.map((user) => user.userId)).toEqual([userId]);
    const cleaned = await rawUser(ctx, userId);
    expect(cleaned).not.toHaveProperty("gsi2pk");
    expect(cleaned).not.toHaveProperty("usernameKey");

    // Again: the same items, nothing left to clean.
    expect(await migrateUserSearchKeys(ctx)).toEqual({ users: 1, keysWritten: 1, usersCleaned: 0 });
    expect((await search()).users).toHaveLength(1);
  });
});
