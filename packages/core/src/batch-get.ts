import { BatchGetCommand } from "@aws-sdk/lib-dynamodb";
import type { CoreContext } from "./context";

/** A table key as ElectroDB builds it (`entity.get(...).params().Key`). */
export interface TableKey {
  pk: string;
  sk: string;
}

/** Unprocessed keys (throttling) are asked again this many times before giving up. */
const attempts = 5;

/**
 * Items of several entities in one BatchGetItem (ElectroDB batches one entity
 * at a time), raw as stored, each under its key's `keyText`; absent keys are
 * absent. `attributes` projects every item alike (the keys are always read).
 */
export async function batchGetRaw(
  ctx: CoreContext,
  keys: TableKey[],
  options: { attributes?: string[]; consistent?: boolean } = {},
): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  const names = options.attributes
    ? Object.fromEntries(
        ["pk", "sk", ...options.attributes].map((name, index) => [`#a${index}`, name]),
      )
    : undefined;
  let pending = [...new Map(keys.map((key) => [keyText(key), key])).values()];
  for (let attempt = 1; pending.length > 0; attempt++) {
    if (attempt > attempts) throw new Error("DynamoDB kept keys of a batch read unprocessed");
    const response = await ctx.db.client.send(
      new BatchGetCommand({
        RequestItems: {
          [ctx.db.table]: {
            Keys: pending,
            ...(options.consistent ? { ConsistentRead: true } : {}),
            ...(names
              ? {
                  ProjectionExpression: Object.keys(names).join(", "),
                  ExpressionAttributeNames: names,
                }
              : {}),
          },
        },
      }),
    );
    for (const item of response.Responses?.[ctx.db.table] ?? []) {
      found.set(keyText(item as TableKey), item);
    }
    pending = (response.UnprocessedKeys?.[ctx.db.table]?.Keys ?? []) as TableKey[];
    if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt));
  }
  return found;
}

/** One text per key, for finding an item of `batchGetRaw`'s answer. */
export function keyText(key: TableKey): string {
  return `${key.pk}\u0000${key.sk}`;
}
