import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { isConditionFailed } from "../conditions";
import type { CoreContext } from "../context";
import { scanTable } from "../scan";
import { serviceFor } from "../service";

/** What the user item held for admin search before issue 22: its keys and index entries. */
const oldSearchAttributes = [
  "gsi1pk",
  "gsi1sk",
  "gsi2pk",
  "gsi2sk",
  "emailKey",
  "emailInitial",
  "usernameKey",
  "usernameInitial",
] as const;

export interface SearchKeyMigration {
  users: number;
  /** Search-key items written (or that would be, on a dry run). */
  keysWritten: number;
  /** User items whose own search keys were removed, so they leave the indexes. */
  usersCleaned: number;
}

/**
 * Moves every user's admin search keys off the user item (`npm run
 * migrate:user-search`): puts the `UserSearchKey` item, then removes the old
 * key attributes from the user, so a balance change stops rewriting two index
 * entries. Idempotent (a put of the same item, a removal of what is absent),
 * safe while the app runs: registration and rename write the new item
 * themselves, and the user's removal is conditioned on the item still existing.
 */
export async function migrateUserSearchKeys(
  ctx: CoreContext,
  options: { dryRun?: boolean; segments?: number } = {},
): Promise<SearchKeyMigration> {
  const report: SearchKeyMigration = { users: 0, keysWritten: 0, usersCleaned: 0 };
  const keys = serviceFor(ctx.db).entities.userSearchKey;
  await scanTable(ctx, { segments: options.segments ?? 4, entity: "user" }, async (items) => {
    for (const item of items) {
      report.users += 1;
      const { userId, email, username } = item as {
        userId: string;
        email?: string;
        username?: string;
      };
      if (email || username) {
        report.keysWritten += 1;
        if (!options.dryRun) await keys.put({ userId, email, username }).go();
      }
      const present = oldSearchAttributes.filter((name) => item[name] !== undefined);
      if (present.length === 0) continue;
      report.usersCleaned += 1;
      if (options.dryRun) continue;
      await removeOldKeys(ctx, item, present);
    }
  });
  return report;
}

async function removeOldKeys(
  ctx: CoreContext,
  item: Record<string, unknown>,
  present: readonly string[],
): Promise<void> {
  try {
    await ctx.db.client.send(
      new UpdateCommand({
        TableName: ctx.db.table,
        Key: { pk: item.pk, sk: item.sk },
        UpdateExpression: `REMOVE ${present.map((_, index) => `#a${index}`).join(", ")}`,
        ConditionExpression: "attribute_exists(pk)",
        ExpressionAttributeNames: Object.fromEntries(
          present.map((name, index) => [`#a${index}`, name]),
        ),
      }),
    );
  } catch (error) {
    // The user was deleted meanwhile: nothing left to clean.
    if (!isConditionFailed(error)) throw error;
  }
}
