import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Config } from "./config";
import { createTableInput, tableDefinition } from "./table";

export interface DbOptions {
  /** Table name. */
  table: string;
  /** Set for DynamoDB Local (or any non-AWS endpoint); unset in AWS. */
  endpoint?: string | undefined;
  region?: string | undefined;
}

/** The document client and the table it talks to: everything core needs to reach DynamoDB. */
export interface Db {
  client: DynamoDBDocumentClient;
  table: string;
  /** Where a local table lives (DynamoDB Local), for clients of its other APIs (Streams). */
  local?: { endpoint: string; region: string } | undefined;
}

/**
 * State one process keeps per table (tests run many tables in one process),
 * made on first use: `const seenBy = perTable(() => new Map<string, string>())`.
 */
export function perTable<T>(create: () => T): (db: Db) => T {
  const held = new WeakMap<Db, T>();
  return (db) => {
    let state = held.get(db);
    if (state === undefined) {
      state = create();
      held.set(db, state);
    }
    return state;
  };
}

/**
 * Takes the SDK's logger middleware out of a client: on every call it copies the
 * input and the output through the models' "sensitive" filter before it hands
 * them to the client's logger, the default no-op one included (a twentieth of
 * a list request's CPU, measured, for a line nobody writes). The app logs its
 * own requests; a failed call still throws to its caller as before.
 */
export function withoutSdkCallLog<T extends DynamoDBClient>(client: T): T {
  client.middlewareStack.remove("loggerMiddleware");
  return client;
}

/** Builds the client once per process; local endpoints get dummy credentials. */
export function createDb(options: DbOptions): Db {
  const raw = withoutSdkCallLog(
    new DynamoDBClient({
      region: options.region ?? "us-east-1",
      ...(options.endpoint
        ? {
            endpoint: options.endpoint,
            credentials: { accessKeyId: "local", secretAccessKey: "local" },
          }
        : {}),
      maxAttempts: 3,
      // Concurrent credit operations (and the tests that race them) need more than the
      // default 50 sockets; keep-alive keeps each request a single round trip.
      requestHandler: {
        httpAgent: { keepAlive: true, maxSockets: 256 },
        httpsAgent: { keepAlive: true, maxSockets: 256 },
      },
    }),
  );
  const client = DynamoDBDocumentClient.from(raw, {
    marshallOptions: { removeUndefinedValues: true },
  });
  const local = options.endpoint
    ? { endpoint: options.endpoint, region: options.region ?? "us-east-1" }
    : undefined;
  return { client, table: options.table, local };
}

/** The table the configuration names (`TABLE_NAME`, `DYNAMODB_ENDPOINT`, `AWS_REGION`). */
export function dbFromConfig(
  config: Pick<Config, "TABLE_NAME" | "DYNAMODB_ENDPOINT" | "AWS_REGION">,
): Db {
  return createDb({
    table: config.TABLE_NAME,
    endpoint: config.DYNAMODB_ENDPOINT,
    region: config.AWS_REGION,
  });
}

/**
 * Creates the table (and its TTL setting) when it does not exist yet. Used by the
 * local runner and tests; in AWS the table is created by the infra.
 */
export async function ensureTable(
  db: Db,
  options: { stream?: boolean } = {},
): Promise<"created" | "existing"> {
  try {
    await db.client.send(new CreateTableCommand(createTableInput(db.table, options)));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
    if (options.stream !== false) await ensureStream(db);
    return "existing";
  }
  await db.client.send(
    new UpdateTimeToLiveCommand({
      TableName: db.table,
      TimeToLiveSpecification: {
        AttributeName: tableDefinition.timeToLiveAttribute,
        Enabled: true,
      },
    }),
  );
  return "created";
}

/** A table made before it had a stream (an older local data folder) gets one. */
async function ensureStream(db: Db): Promise<void> {
  const { Table } = await db.client.send(new DescribeTableCommand({ TableName: db.table }));
  if (Table?.StreamSpecification?.StreamEnabled) return;
  const { StreamSpecification } = createTableInput(db.table);
  await db.client.send(new UpdateTableCommand({ TableName: db.table, StreamSpecification }));
}

/** Cheap liveness probe used by the health route. */
export async function describeTable(db: Db): Promise<{ status: string; itemCount: number }> {
  const result = await db.client.send(new DescribeTableCommand({ TableName: db.table }));
  return {
    status: result.Table?.TableStatus ?? "UNKNOWN",
    itemCount: result.Table?.ItemCount ?? 0,
  };
}
