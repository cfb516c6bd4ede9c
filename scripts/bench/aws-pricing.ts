import {
  type AttributeValue,
  type DynamoDBClient,
  GetItemCommand,
  QueryCommand,
  ScanCommand,
} from "@aws-sdk/client-dynamodb";
import { tableDefinition } from "@market/core/table";
import {
  type Item,
  indexWrites,
  itemSize,
  printable,
  type ReadMode,
  readUnits,
  writeUnits,
} from "./aws-units";

/** Units one request put on one partition (of the table, or of an index). */
export interface KeyTouch {
  /** "table", or the index's name. */
  index: string;
  /** The partition key value ("*" for a Scan). */
  partition: string;
  read: number;
  write: number;
}

/** One DynamoDB request, billed by AWS's rules beside what DynamoDB Local reported. */
export interface PricedCall {
  command: string;
  aws: { read: number; write: number };
  local: { read: number; write: number };
  touches: KeyTouch[];
}

type Input = Record<string, unknown>;
type Output = Record<string, unknown>;

interface WriteTarget {
  key: Item;
  kind: "put" | "update" | "delete" | "check";
  transactional: boolean;
}

const pk = tableDefinition.partitionKey;
const sk = tableDefinition.sortKey;
const keyOf = (item: Item): Item => ({ [pk]: item[pk], [sk]: item[sk] }) as Item;

/** The items a write request writes (or checks), by their keys. */
function writeTargets(command: string, input: Input): WriteTarget[] {
  switch (command) {
    case "PutItemCommand":
      return [{ key: keyOf(input.Item as Item), kind: "put", transactional: false }];
    case "UpdateItemCommand":
      return [{ key: input.Key as Item, kind: "update", transactional: false }];
    case "DeleteItemCommand":
      return [{ key: input.Key as Item, kind: "delete", transactional: false }];
    case "BatchWriteItemCommand":
      return Object.values(input.RequestItems as Record<string, Input[]>)
        .flat()
        .map((request) =>
          request.PutRequest
            ? {
                key: keyOf((request.PutRequest as { Item: Item }).Item),
                kind: "put" as const,
                transactional: false,
              }
            : {
                key: (request.DeleteRequest as { Key: Item }).Key,
                kind: "delete" as const,
                transactional: false,
              },
        );
    case "TransactWriteItemsCommand":
      return (input.TransactItems as Input[]).map((entry) => {
        if (entry.Put)
          return {
            key: keyOf((entry.Put as { Item: Item }).Item),
            kind: "put",
            transactional: true,
          };
        if (entry.Update)
          return { key: (entry.Update as { Key: Item }).Key, kind: "update", transactional: true };
        if (entry.Delete)
          return { key: (entry.Delete as { Key: Item }).Key, kind: "delete", transactional: true };
        return {
          key: (entry.ConditionCheck as { Key: Item }).Key,
          kind: "check",
          transactional: true,
        };
      });
    default:
      return [];
  }
}

const writeCommands = new Set([
  "PutItemCommand",
  "UpdateItemCommand",
  "DeleteItemCommand",
  "BatchWriteItemCommand",
  "TransactWriteItemsCommand",
]);

const readCommands = new Set([
  "GetItemCommand",
  "QueryCommand",
  "ScanCommand",
  "BatchGetItemCommand",
  "TransactGetItemsCommand",
]);

/**
 * Prices requests by AWS's rules (aws-units.ts). Item sizes come from `side`: a
 * client on the same DynamoDB without the bench's middleware, which reads each
 * written item before and after the write and each read item whole (strongly
 * consistent), and re-runs a Query or Scan without its filter and projection to
 * see every item it evaluated. Exact when no other request writes the same items
 * meanwhile (the bench prices requests one at a time).
 */
export function createPricer(side: DynamoDBClient, table: string) {
  const indexes = tableDefinition.globalIndexes;
  const read = async (key: Item): Promise<Item | undefined> =>
    (await side.send(new GetItemCommand({ TableName: table, Key: key, ConsistentRead: true })))
      .Item as Item | undefined;

  /** Sends `send()` (the request itself) and prices it. Rethrows what it threw, priced. */
  async function price(
    command: string,
    input: Input,
    send: () => Promise<Output>,
  ): Promise<{ output?: Output; error?: unknown; priced: PricedCall }> {
    const targets = writeTargets(command, input);
    const before = await Promise.all(targets.map((target) => read(target.key)));
    let output: Output | undefined;
    let error: unknown;
    try {
      output = await send();
    } catch (caught) {
      error = caught;
    }
    const priced: PricedCall = {
      command,
      aws: { read: 0, write: 0 },
      local: localUnits(command, output),
      touches: [],
    };
    const touch = (index: string, partition: string, units: { read?: number; write?: number }) => {
      priced.touches.push({ index, partition, read: units.read ?? 0, write: units.write ?? 0 });
      priced.aws.read += units.read ?? 0;
      priced.aws.write += units.write ?? 0;
    };
    if (writeCommands.has(command)) {
      const after = await Promise.all(
        targets.map((target) => (target.kind === "check" ? undefined : read(target.key))),
      );
      targets.forEach((target, index) => {
        const was = before[index];
        const partition = printable(target.key[pk] as AttributeValue);
        if (target.kind === "check") {
          touch("table", partition, { read: readUnits(itemSize(was), "transactional") });
          return;
        }
        const is = after[index];
        touch("table", partition, {
          write: writeUnits(Math.max(itemSize(was), itemSize(is)), {
            transactional: target.transactional,
          }),
        });
        for (const write of indexWrites(was, is, indexes)) {
          touch(write.indexName, write.partition, { write: write.units });
        }
      });
    } else if (readCommands.has(command) && output) {
      await priceRead(command, input, touch);
    }
    return { ...(output ? { output } : {}), ...(error ? { error } : {}), priced };
  }

  /** Reads priced from the items themselves, read again whole through `side`. */
  async function priceRead(
    command: string,
    input: Input,
    touch: (index: string, partition: string, units: { read: number }) => void,
  ) {
    const mode = (consistent: unknown): ReadMode => (consistent ? "strong" : "eventual");
    const partitionOf = (key: Item) => printable(key[pk] as AttributeValue);
    switch (command) {
      case "GetItemCommand": {
        const key = input.Key as Item;
        touch("table", partitionOf(key), {
          read: readUnits(itemSize(await read(key)), mode(input.ConsistentRead)),
        });
        return;
      }
      case "TransactGetItemsCommand": {
        for (const { Get } of input.TransactItems as { Get: { Key: Item } }[]) {
          touch("table", partitionOf(Get.Key), {
            read: readUnits(itemSize(await read(Get.Key)), "transactional"),
          });
        }
        return;
      }
      case "BatchGetItemCommand": {
        for (const request of Object.values(input.RequestItems as Record<string, Input>)) {
          for (const key of request.Keys as Item[]) {
            touch("table", partitionOf(key), {
              read: readUnits(itemSize(await read(key)), mode(request.ConsistentRead)),
            });
          }
        }
        return;
      }
      case "QueryCommand":
      case "ScanCommand": {
        const evaluated = await evaluatedItems(command, input);
        const bytes = evaluated.reduce((sum, item) => sum + itemSize(item), 0);
        const index = (input.IndexName as string | undefined) ?? "table";
        const partition = command === "ScanCommand" ? "*" : queriedPartition(input);
        touch(index, partition, { read: readUnits(bytes, mode(input.ConsistentRead)) });
        return;
      }
    }
  }

  /** The items a Query or Scan read (before its filter, whole): what it is billed for. */
  async function evaluatedItems(command: string, input: Input): Promise<Item[]> {
    const {
      FilterExpression: _filter,
      ProjectionExpression: _projection,
      Select: _select,
      ReturnConsumedCapacity: _capacity,
      ...rest
    } = input;
    const kept = String(rest.KeyConditionExpression ?? "");
    const plain = {
      ...rest,
      ExpressionAttributeNames: pickUsed(
        rest.ExpressionAttributeNames as Record<string, string>,
        kept,
      ),
      ExpressionAttributeValues: pickUsed(
        rest.ExpressionAttributeValues as Record<string, unknown>,
        kept,
      ),
    } as never;
    const rerun =
      command === "QueryCommand"
        ? await side.send(new QueryCommand(plain))
        : await side.send(new ScanCommand(plain));
    return (rerun.Items ?? []) as Item[];
  }

  return { price };
}

/** The partition key value a Query's key condition names. */
function queriedPartition(input: Input): string {
  const index = tableDefinition.globalIndexes.find((each) => each.indexName === input.IndexName);
  const keyName = index?.partitionKey ?? pk;
  const condition = String(input.KeyConditionExpression ?? "");
  const names = (input.ExpressionAttributeNames ?? {}) as Record<string, string>;
  const values = (input.ExpressionAttributeValues ?? {}) as Record<string, AttributeValue>;
  for (const match of condition.matchAll(/([#\w]+)\s*=\s*(:\w+)/g)) {
    const [, left = "", right = ""] = match;
    const name = left.startsWith("#") ? names[left] : left;
    const value = values[right];
    if (name === keyName && value) return printable(value);
  }
  return "?";
}

/** The expression names or values (`#n`, `:v`) that `expression` still uses. */
function pickUsed<T>(
  map: Record<string, T> | undefined,
  expression: string,
): Record<string, T> | undefined {
  if (!map) return undefined;
  const used = Object.entries(map).filter(([token]) =>
    new RegExp(`${token}(?![\\w])`).test(expression),
  );
  return used.length ? Object.fromEntries(used) : undefined;
}

/** What DynamoDB Local said the request consumed, as read or write units by command. */
function localUnits(command: string, output: Output | undefined): PricedCall["local"] {
  const consumed = output?.ConsumedCapacity as unknown;
  if (!consumed) return { read: 0, write: 0 };
  const list = (Array.isArray(consumed) ? consumed : [consumed]) as {
    CapacityUnits?: number;
    ReadCapacityUnits?: number;
    WriteCapacityUnits?: number;
  }[];
  const total = list.reduce(
    (sum, each) =>
      sum + (each.CapacityUnits ?? (each.ReadCapacityUnits ?? 0) + (each.WriteCapacityUnits ?? 0)),
    0,
  );
  return readCommands.has(command) ? { read: total, write: 0 } : { read: 0, write: total };
}
