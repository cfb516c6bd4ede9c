import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { Db } from "@market/core/db";
import { createPricer, type PricedCall } from "./aws-pricing";

/** One DynamoDB request as the SDK sent it: the low-level command name and its marshalled input. */
export interface CapturedCall {
  command: string;
  input: Record<string, unknown>;
}

interface ConsumedCapacity {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

/**
 * Meters the DynamoDB requests a client sends, from the SDK's own middleware
 * stack: the real number of round trips by command, and the capacity units
 * DynamoDB says each consumed (every request asks for `ReturnConsumedCapacity:
 * TOTAL`). While `capture` is on, it also keeps each request's marshalled input
 * so a raw baseline can replay exactly what the app sent. With an `endpoint`,
 * `price` bills each request by AWS's rules (aws-pricing.ts) beside what DynamoDB
 * reported; it reads every item it prices again, so only priced runs pay for it.
 */
export function meterDynamo(db: Db, options: { endpoint?: string } = {}) {
  const counts = new Map<string, number>();
  let readUnits = 0;
  let writeUnits = 0;
  let itemsRead = 0;
  let capturing: CapturedCall[] | undefined;
  let pricing: PricedCall[] | undefined;
  const side = options.endpoint
    ? new DynamoDBClient({
        region: "us-east-1",
        endpoint: options.endpoint,
        credentials: { accessKeyId: "local", secretAccessKey: "local" },
      })
    : undefined;
  const pricer = side ? createPricer(side, db.table) : undefined;
  db.client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = String(context.commandName ?? "unknown");
      counts.set(name, (counts.get(name) ?? 0) + 1);
      const input = args.input as Record<string, unknown>;
      if (!("ReturnConsumedCapacity" in input) && supportsCapacity(name)) {
        input.ReturnConsumedCapacity = "TOTAL";
      }
      const result = await next(args);
      const units = sumCapacity((result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity);
      if (readCommands.has(name)) readUnits += units;
      else writeUnits += units;
      itemsRead += itemsReadBy(name, result.output as ReadOutput);
      return result;
    },
    { step: "initialize", name: "benchMeter", priority: "high" },
  );
  // At serialize the document client has marshalled the input: what goes on the wire.
  db.client.middlewareStack.add(
    (next, context) => async (args) => {
      if (capturing) {
        capturing.push({
          command: String(context.commandName ?? "unknown"),
          input: structuredClone(args.input as Record<string, unknown>),
        });
      }
      return next(args);
    },
    { step: "serialize", name: "benchCapture", priority: "high" },
  );
  // At build the input is marshalled (the document client's marshalling runs at serialize).
  db.client.middlewareStack.add(
    (next, context) => async (args) => {
      const priced = pricing;
      if (!priced || !pricer) return next(args);
      let result: Awaited<ReturnType<typeof next>> | undefined;
      const outcome = await pricer.price(
        String(context.commandName ?? "unknown"),
        args.input as Record<string, unknown>,
        async () => {
          result = await next(args);
          return result.output as Record<string, unknown>;
        },
      );
      priced.push(outcome.priced);
      if (outcome.error !== undefined || !result) throw outcome.error;
      return result;
    },
    { step: "build", name: "benchPricing", priority: "high" },
  );
  return {
    reset() {
      counts.clear();
      readUnits = 0;
      writeUnits = 0;
      itemsRead = 0;
    },
    snapshot: () => Object.fromEntries(counts),
    total: () => [...counts.values()].reduce((sum, n) => sum + n, 0),
    /** Read plus write units, as DynamoDB reported them. */
    capacity: () => readUnits + writeUnits,
    readUnits: () => readUnits,
    writeUnits: () => writeUnits,
    /** Items DynamoDB read: a Query's or Scan's `ScannedCount`, each item a get asked for. */
    itemsRead: () => itemsRead,
    /** Runs `work` and returns the requests it sent, in order. */
    async capture(work: () => Promise<unknown>): Promise<CapturedCall[]> {
      const calls: CapturedCall[] = [];
      capturing = calls;
      try {
        await work();
      } finally {
        capturing = undefined;
      }
      return calls;
    },
    /** Runs `work` and returns every request it sent, priced by AWS's rules (needs `endpoint`). */
    async price(work: () => Promise<unknown>): Promise<PricedCall[]> {
      if (!pricer) throw new Error("meterDynamo: pricing needs the DynamoDB endpoint");
      const calls: PricedCall[] = [];
      pricing = calls;
      try {
        await work();
      } finally {
        pricing = undefined;
      }
      return calls;
    },
    /** Closes the pricing client's sockets. */
    destroy: () => side?.destroy(),
  };
}

export type DynamoMeter = ReturnType<typeof meterDynamo>;

const withCapacity = new Set([
  "GetItemCommand",
  "PutItemCommand",
  "UpdateItemCommand",
  "DeleteItemCommand",
  "QueryCommand",
  "ScanCommand",
  "BatchGetItemCommand",
  "BatchWriteItemCommand",
  "TransactGetItemsCommand",
  "TransactWriteItemsCommand",
]);

const readCommands = new Set([
  "GetItemCommand",
  "QueryCommand",
  "ScanCommand",
  "BatchGetItemCommand",
  "TransactGetItemsCommand",
]);

interface ReadOutput {
  ScannedCount?: number;
  Responses?: unknown[] | Record<string, unknown[]>;
}

/** What a read cost in items: what a Query or Scan evaluated (before its filter), each get. */
function itemsReadBy(command: string, output: ReadOutput): number {
  switch (command) {
    case "QueryCommand":
    case "ScanCommand":
      return output.ScannedCount ?? 0;
    case "GetItemCommand":
      return 1;
    case "TransactGetItemsCommand":
      return Array.isArray(output.Responses) ? output.Responses.length : 0;
    case "BatchGetItemCommand":
      return Object.values(output.Responses ?? {}).reduce<number>(
        (sum, items) => sum + (Array.isArray(items) ? items.length : 0),
        0,
      );
    default:
      return 0;
  }
}

function supportsCapacity(command: string): boolean {
  return withCapacity.has(command);
}

export function sumCapacity(consumed: unknown): number {
  if (!consumed) return 0;
  const list = (Array.isArray(consumed) ? consumed : [consumed]) as ConsumedCapacity[];
  return list.reduce(
    (sum, item) =>
      sum + (item.CapacityUnits ?? (item.ReadCapacityUnits ?? 0) + (item.WriteCapacityUnits ?? 0)),
    0,
  );
}

/** Kept for callers of the first bench: request counts only. */
export function countDynamoCalls(db: Db) {
  const meter = meterDynamo(db);
  return { reset: meter.reset, snapshot: meter.snapshot, total: meter.total };
}
