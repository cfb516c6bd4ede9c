import { ScanCommand, type ScanCommandOutput } from "@aws-sdk/lib-dynamodb";
import type { CoreContext } from "./context";

export interface ScanOptions {
  /** Parallel Scan segments, each read page by page. */
  segments: number;
  /** Only items of this ElectroDB entity, or these (a filter: the Scan still reads every item). */
  entity?: string | readonly string[] | undefined;
}

/**
 * Reads the whole table with a parallel Scan and hands each page's items to
 * `onPage` as it arrives. For jobs and scripts (reconcile, migration), never a
 * request path: its cost is the table's size.
 */
export async function scanTable(
  ctx: CoreContext,
  options: ScanOptions,
  onPage: (items: Record<string, unknown>[]) => Promise<void> | void,
): Promise<void> {
  const wanted = typeof options.entity === "string" ? [options.entity] : (options.entity ?? []);
  const filter =
    wanted.length > 0
      ? {
          FilterExpression: `#entity IN (${wanted.map((_, index) => `:entity${index}`).join(", ")})`,
          ExpressionAttributeNames: { "#entity": "__edb_e__" },
          ExpressionAttributeValues: Object.fromEntries(
            wanted.map((entity, index) => [`:entity${index}`, entity]),
          ),
        }
      : {};
  await Promise.all(
    Array.from({ length: options.segments }, async (_, segment) => {
      let startKey: Record<string, unknown> | undefined;
      do {
        const page: ScanCommandOutput = await ctx.db.client.send(
          new ScanCommand({
            TableName: ctx.db.table,
            Segment: segment,
            TotalSegments: options.segments,
            ExclusiveStartKey: startKey,
            ...filter,
          }),
        );
        startKey = page.LastEvaluatedKey;
        await onPage(page.Items ?? []);
      } while (startKey);
    }),
  );
}
