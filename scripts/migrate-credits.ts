/**
 * `npm run migrate:credits [-- --dry-run] [--table <name>]`: gives every account
 * created before credits `MIGRATION_GRANT` credits as a `migration_grant` entry,
 * once per account however often it runs (`migrateCredits` in core).
 *
 * Without `--table` it reaches the DynamoDB of a running `npm start` (or
 * DYNAMODB_ENDPOINT), starting DynamoDB Local on DATA_DIR for the moment when
 * neither is there, like `promote-admin`. With `--table` it works on that table
 * of DYNAMODB_ENDPOINT, or of AWS (region AWS_REGION, the shell's credentials).
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createContext, createDb, Ledger, loadConfig } from "@market/core";
import { type DynamoDbLocal, startDynamoDbLocal } from "./dynamodb-local";
import { readEndpointFile } from "./lib/endpoint-file";

async function main(argv: string[]): Promise<number> {
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
  const dryRun = values["dry-run"] ?? false;
  try {
    const db = createDb({ table, endpoint, region: config.AWS_REGION });
    const ctx = createContext({ db, config });
    console.log(
      `${dryRun ? "Dry run: nothing is written. " : ""}Granting ${config.MIGRATION_GRANT} credits ` +
        `to accounts without a ledger in ${table}${endpoint ? ` at ${endpoint}` : ""}.`,
    );
    const report = await Ledger.migrateCredits(ctx, {
      dryRun,
      onProgress: (p) =>
        process.stderr.write(
          `\rscanned ${p.scannedUsers} users, ${p.eligible} without credits, ${p.granted} granted`,
        ),
    });
    process.stderr.write("\n");
    for (const userId of report.userIds) {
      console.log(`${dryRun ? "would grant" : "granted"} ${report.amount} to ${userId}`);
    }
    console.log(
      `${report.scannedUsers} users scanned, ${report.eligible} without credits, ` +
        `${report.granted} granted now, ${report.alreadyGranted} granted before.`,
    );
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  } finally {
    await dynamo?.stop();
  }
}

process.exitCode = await main(process.argv.slice(2));
