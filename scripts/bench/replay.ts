import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  TransactGetCommand,
  TransactWriteCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import type { CapturedCall } from "./db-calls";

type Input = Record<string, unknown>;
type Item = Record<string, unknown>;

// The document client's commands by the low-level name the SDK reports.
const documentCommands = {
  GetItemCommand: GetCommand,
  PutItemCommand: PutCommand,
  UpdateItemCommand: UpdateCommand,
  DeleteItemCommand: DeleteCommand,
  QueryCommand: QueryCommand,
  ScanCommand: ScanCommand,
  BatchGetItemCommand: BatchGetCommand,
  BatchWriteItemCommand: BatchWriteCommand,
  TransactGetItemsCommand: TransactGetCommand,
  TransactWriteItemsCommand: TransactWriteCommand,
} as const;

/** Sends a captured request (document form, as the app's client had it) again. */
export async function send(client: DynamoDBDocumentClient, call: CapturedCall): Promise<unknown> {
  const Command = documentCommands[call.command as keyof typeof documentCommands];
  if (!Command) throw new Error(`No replay for DynamoDB command ${call.command}`);
  // biome-ignore lint/suspicious/noExplicitAny: one of the commands above, chosen by name
  return client.send(new (Command as any)(call.input));
}

const reads = new Set([
  "GetItemCommand",
  "QueryCommand",
  "ScanCommand",
  "BatchGetItemCommand",
  "TransactGetItemsCommand",
]);

/**
 * The app's request, made repeatable: the same commands with the same items and
 * the same expressions, so DynamoDB does the same work again. Reads go as they
 * were. Each write that created an item creates it under a fresh partition key
 * (`tag`), so its `attribute_not_exists` condition passes again; each update,
 * delete and condition check keeps its key and its condition, with
 * `OR attribute_not_exists(#benchNever)` appended so it still evaluates but
 * passes on the item as it is now. Pass calls through `onShadows` first, so the
 * updates land on copies and not on the items the app goes on using.
 */
export function repeatable(call: CapturedCall, tag: string): CapturedCall {
  if (reads.has(call.command)) return call;
  const input = structuredClone(call.input);
  switch (call.command) {
    case "PutItemCommand":
      return { command: call.command, input: freshPut(input, tag) };
    case "UpdateItemCommand":
    case "DeleteItemCommand":
      return { command: call.command, input: alwaysPasses(input) };
    case "TransactWriteItemsCommand": {
      const items = (input.TransactItems as Input[]).map((item) => {
        if (item.Put) return { Put: freshPut(item.Put as Input, tag) };
        if (item.Update) return { Update: alwaysPasses(item.Update as Input) };
        if (item.Delete) return { Delete: alwaysPasses(item.Delete as Input) };
        if (item.ConditionCheck)
          return { ConditionCheck: alwaysPasses(item.ConditionCheck as Input) };
        return item;
      });
      return { command: call.command, input: { ...input, TransactItems: items } };
    }
    case "BatchWriteItemCommand": {
      const byTable = input.RequestItems as Record<string, Input[]>;
      for (const requests of Object.values(byTable)) {
        for (const request of requests) {
          const put = request.PutRequest as Input | undefined;
          if (put) freshPut(put, tag);
        }
      }
      return { command: call.command, input };
    }
    default:
      return { command: call.command, input };
  }
}

function freshPut(put: Input, tag: string): Input {
  const item = put.Item as Item;
  if (typeof item.pk === "string") item.pk = `${item.pk}#${tag}`;
  return put;
}

function alwaysPasses(write: Input): Input {
  if (typeof write.ConditionExpression !== "string") return write;
  write.ConditionExpression = `(${write.ConditionExpression}) OR attribute_not_exists(#benchNever)`;
  write.ExpressionAttributeNames = {
    ...((write.ExpressionAttributeNames as Record<string, string> | undefined) ?? {}),
    "#benchNever": "benchNever",
  };
  return write;
}

/** The ElectroDB entity a captured item or key belongs to (`user`, `bet`, ...), from its key. */
export function entityOf(item: Input): string {
  const inner = (Object.values(item)[0] ?? {}) as Input;
  const record = (inner.Item ?? item.Item) as Item | undefined;
  if (typeof record?.__edb_e__ === "string") return record.__edb_e__;
  const key = (inner.Key ?? item.Key) as Item | undefined;
  return typeof key?.sk === "string" ? (key.sk.split("_")[0] ?? "?").replace("$", "") : "?";
}

/** A TransactWriteItems made of the captured one's items that `keep` selects, in order. */
export function transactSubset(
  call: CapturedCall,
  keep: (item: Input, index: number) => boolean,
): CapturedCall {
  const items = (call.input.TransactItems as Input[]).filter(keep);
  return { command: call.command, input: { ...call.input, TransactItems: items } };
}

/** The i-th item of a captured TransactGetItems as a strongly consistent GetItem. */
export function getFromTransact(call: CapturedCall, index: number): CapturedCall {
  const item = ((call.input.TransactItems as Input[])[index] as Input).Get as Input;
  return {
    command: "GetItemCommand",
    input: { TableName: item.TableName, Key: item.Key, ConsistentRead: true },
  };
}

/** A short description of a captured sequence, for the report: `TransactWriteItems(6)`. */
export function describeCalls(calls: CapturedCall[]): string[] {
  return calls.map((call) => {
    const name = call.command.replace(/Command$/, "");
    const items = call.input.TransactItems as unknown[] | undefined;
    return items ? `${name}(${items.length})` : name;
  });
}

const shadowSuffix = "#benchShadow";

/** The items a captured write updates, deletes or checks: their keys, as sent. */
function targetsOf(call: CapturedCall): Input[] {
  const single = (write: Input) => (write.Key ? [write] : []);
  switch (call.command) {
    case "UpdateItemCommand":
    case "DeleteItemCommand":
      return single(call.input);
    case "TransactWriteItemsCommand":
      return (call.input.TransactItems as Input[]).flatMap((item) =>
        single((item.Update ?? item.Delete ?? item.ConditionCheck ?? {}) as Input),
      );
    default:
      return [];
  }
}

/**
 * The calls with every update, delete and condition check aimed at a shadow of
 * its item (the partition key with `#benchShadow` appended) instead of the item
 * itself. Replaying an update on the live item would set it back to what it held
 * when captured: a user's `ledgerSeq` rewound makes the app's next movement for
 * that user collide with its own ledger entries until it gives up (`LEDGER_BUSY`).
 */
export function onShadows(calls: CapturedCall[]): CapturedCall[] {
  return calls.map((call) => {
    const copy = structuredClone(call);
    for (const target of targetsOf(copy)) {
      const key = target.Key as Item;
      if (typeof key.pk === "string") key.pk = `${key.pk}${shadowSuffix}`;
    }
    return copy;
  });
}

/**
 * Copies, once, each live item the calls' writes target to its shadow key, so a
 * replayed update finds an item of the same size and attributes and does the
 * same work. The copy's index partition keys get the suffix too: it is in every
 * index the original is in (the same write cost) but in no partition a query reads.
 */
export async function createShadows(
  client: DynamoDBDocumentClient,
  calls: CapturedCall[],
): Promise<void> {
  for (const call of calls) {
    for (const target of targetsOf(call)) {
      const { Item: item } = (await client.send(
        new GetCommand({
          TableName: target.TableName as string,
          Key: target.Key as Item,
          ConsistentRead: true,
        }),
      )) as { Item?: Item };
      if (!item) continue; // an update that creates its item (a rate-limit window) creates a shadow
      for (const [name, value] of Object.entries(item)) {
        if ((name === "pk" || /^gsi\d+pk$/.test(name)) && typeof value === "string") {
          item[name] = `${value}${shadowSuffix}`;
        }
      }
      await client.send(new PutCommand({ TableName: target.TableName as string, Item: item }));
    }
  }
}
