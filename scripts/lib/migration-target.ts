import { join } from "node:path";
import { parseArgs } from "node:util";
import { type Config, type CoreContext, createContext, createDb, loadConfig } from "@market/core";
import { type DynamoDbLocal, startDynamoDbLocal } from "../dynamodb-local";
import { readEndpointFile } from "./endpoint-file";

/** Where a migration script works, from its `--dry-run` and `--table` arguments. */
export interface MigrationTarget {
  ctx: CoreContext;
  config: Config;
  table: string;
  endpoint: string | undefined;
  dryRun: boolean;
  /** Stops the DynamoDB Local this started, if any. */
  close(): Promise<void>;
}

/**
 * The table a migration script works on. Without `--table`: the DynamoDB of a
 * running `npm start` (or DYNAMODB_ENDPOINT), starting DynamoDB Local on
 * DATA_DIR for the moment when neither is there. With `--table`: that table of
 * DYNAMODB_ENDPOINT, or of AWS (region AWS_REGION, the shell's credentials).
 */
export async function migrationTarget(argv: string[]): Promise<MigrationTarget> {
  const { values } = parseArgs({
    args: argv,
    options: { "dry-run": { type: "boolean", default: false }, table: { type: "string" } },
  });
  const config = loadConfig();
  let dynamo: DynamoDbLocal | undefined;
  let endpoint = config.DYNAMODB_ENDPOINT;
  if (!values.table && !endpoint) {
    endpoint = readEndpointFile(config.DATA_DIR);
    if (!endpoint) {
      dynamo = await startDynamoDbLocal({ dbPath: join(config.DATA_DIR, "dynamodb") });
      endpoint = dynamo.endpoint;
    }
  }
  const table = values.table ?? config.TABLE_NAME;
  const db = createDb({ table, endpoint, region: config.AWS_REGION });
  return {
    ctx: createContext({ db, config }),
    config,
    table,
    endpoint,
    dryRun: values["dry-run"] ?? false,
    close: async () => {
      await dynamo?.stop();
    },
  };
}

/**
 * Runs a migration script's `work` on its target: an error is printed as one
 * line and the exit code is 1; DynamoDB Local, if started here, is stopped.
 */
export async function runMigration(
  argv: string[],
  work: (target: MigrationTarget) => Promise<void>,
): Promise<number> {
  const target = await migrationTarget(argv);
  try {
    await work(target);
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  } finally {
    await target.close();
  }
}
