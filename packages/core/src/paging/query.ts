import { QueryCommand, type QueryCommandOutput } from "@aws-sdk/lib-dynamodb";
import type { CoreContext } from "../context";
import { limitsOf } from "../limits";
import { tableDefinition } from "../table";

/** A DynamoDB key to start a Query after (`ExclusiveStartKey`). */
export type StartKey = Record<string, string | number>;

/** An ElectroDB query ready to page: its DynamoDB parameters and how its raw items read. */
export interface QuerySource<T> {
  /** The query's `.params({ order })`: key condition, filter, index, direction. */
  params: Record<string, unknown>;
  /** Raw items to domain items (`entity.parse({ Items }).data`). */
  parse: (items: Record<string, unknown>[]) => T[];
}

/** The part of a list one request asks for. */
export interface PageWindow {
  /** Matching items to skip first. */
  offset: number;
  limit: number;
  /** Where a previous page ended (from its cursor); the offset counts from there. */
  after?: StartKey | undefined;
}

export interface PageRead<T> {
  items: T[];
  /** Where the next page starts; absent when the list ends here. */
  next?: StartKey | undefined;
}

/**
 * An ElectroDB query as a `QuerySource`. `order` is the list's direction; the
 * entity turns raw items into its items (and drops any of another entity).
 */
export function sourceOf<T>(
  query: { params: (options: { order: "asc" | "desc" }) => object },
  entity: { parse: (input: { Items: Record<string, unknown>[] }) => { data: T[] } },
  order: "asc" | "desc",
): QuerySource<T> {
  return {
    params: query.params({ order }) as Record<string, unknown>,
    parse: (items) => entity.parse({ Items: items }).data,
  };
}

/**
 * A page of `limit` items from a query, at `offset` (from the start, or from a
 * cursor's key). DynamoDB is asked for what the page needs: a `Limit` of the
 * page plus one (the one tells whether a next page exists), plus a small margin
 * when a filter may drop items, and `LastEvaluatedKey` is followed only while
 * the page is short. The skipped items of an offset are counted (`Select:
 * COUNT`), not fetched. One request reads at most `offset + LIST_READ_BUDGET`
 * items: a filter that drops more ends the page early, with a cursor to go on.
 */
export async function pageQuery<T>(
  ctx: CoreContext,
  source: QuerySource<T>,
  window: PageWindow,
): Promise<PageRead<T>> {
  const send = (input: Record<string, unknown>) =>
    ctx.db.client.send(
      new QueryCommand({ ...source.params, ...input } as never),
    ) as Promise<QueryCommandOutput>;
  const filtered = typeof source.params.FilterExpression === "string";
  const budget = window.offset + Math.max(limitsOf(ctx.config).listReadBudget, window.limit + 1);
  let read = 0;
  let startKey: StartKey | undefined = window.after;

  // Skip the offset by counting: with a Limit of what is left to skip, DynamoDB
  // stops right after the last skipped item and says where that was.
  let toSkip = window.offset;
  while (toSkip > 0) {
    const counted = await send({
      Select: "COUNT",
      Limit: Math.min(toSkip, budget - read),
      ExclusiveStartKey: startKey,
    });
    read += counted.ScannedCount ?? 0;
    toSkip -= counted.Count ?? 0;
    startKey = counted.LastEvaluatedKey as StartKey | undefined;
    if (!startKey) return { items: [] };
    if (read >= budget) return { items: [], next: startKey };
  }

  const wanted = window.limit + 1;
  const raw: Record<string, unknown>[] = [];
  while (raw.length < wanted && read < budget) {
    const missing = wanted - raw.length;
    const page = await send({
      Limit: Math.min(filtered ? missing + filterMargin(missing) : missing, budget - read),
      ExclusiveStartKey: startKey,
    });
    read += page.ScannedCount ?? 0;
    raw.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey as StartKey | undefined;
    if (!startKey) break;
  }

  const kept = raw.slice(0, window.limit);
  const last = kept.at(-1);
  // More items than the page: the next page starts after its last item. A short
  // page that stopped on the budget goes on from where reading stopped.
  const next = raw.length > window.limit && last ? startKeyOf(last, source.params) : startKey;
  return { items: source.parse(kept), next };
}

/** Extra items asked for when a filter may drop some: a quarter more, at least 4. */
function filterMargin(missing: number): number {
  return Math.max(4, Math.ceil(missing / 4));
}

/** The key DynamoDB needs to start after raw `item` of a query: the table's key and the index's. */
export function startKeyOf(
  item: Record<string, unknown>,
  params: Record<string, unknown>,
): StartKey {
  const names: string[] = [tableDefinition.partitionKey, tableDefinition.sortKey];
  const index = tableDefinition.globalIndexes.find((gsi) => gsi.indexName === params.IndexName);
  if (index) names.push(index.partitionKey, index.sortKey);
  const key: StartKey = {};
  for (const name of names) {
    const value = item[name];
    if (typeof value === "string" || typeof value === "number") key[name] = value;
  }
  return key;
}
