/**
 * `npm run promote-admin -- <email>`: makes an existing account an admin.
 * Reaches the DynamoDB of a running `npm start` (or DYNAMODB_ENDPOINT); when
 * neither is there, it starts DynamoDB Local on DATA_DIR for the moment.
 *
 * `npm run promote-admin -- <email> --table <TableName> [--region <region>]`:
 * the same against a deployed stage's table (the `TableName` output), with the
 * shell's AWS credentials (docs/deploy.md, "First admin").
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createContext, createDb, loadConfig } from "@market/core";
import { promoteToAdmin } from "@market/core/accounts";
import { createKeyring } from "@market/core/auth";
import { OutboxEmailSender } from "@market/core/email";
import { type DynamoDbLocal, startDynamoDbLocal } from "./dynamodb-local";
import { readEndpointFile } from "./lib/endpoint-file";

async function main(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { table: { type: "string" }, region: { type: "string" } },
  });
  const [email] = positionals;
  if (!email) {
    console.error(
      "Usage: npm run promote-admin -- <email> [--table <TableName> [--region <region>]]",
    );
    return 2;
  }
  const config = loadConfig();
  let dynamo: DynamoDbLocal | undefined;
  // A deployed table is reached as AWS's DynamoDB, never as a local endpoint.
  let endpoint = values.table
    ? undefined
    : (config.DYNAMODB_ENDPOINT ?? readEndpointFile(config.DATA_DIR));
  if (!endpoint && !values.table) {
    dynamo = await startDynamoDbLocal({ dbPath: join(config.DATA_DIR, "dynamodb") });
    endpoint = dynamo.endpoint;
  }
  try {
    const db = createDb({
      table: values.table ?? config.TABLE_NAME,
      endpoint,
      region: values.region ?? config.AWS_REGION,
    });
    const ctx = {
      ...createContext({ db, config }),
      // Promotion signs nothing and sends nothing; these only satisfy the context's shape.
      keys: createKeyring([{ kid: "unused", secret: new Uint8Array(32) }]),
      email: new OutboxEmailSender(join(config.DATA_DIR, "outbox")),
    };
    const user = await promoteToAdmin(ctx, email);
    console.log(`${user.email} (${user.username}) is now an admin. New logins carry the role.`);
    return 0;
  } catch (error) {
    const unknown = error instanceof Error && "code" in error && error.code === "USER_NOT_FOUND";
    const table = values.table ?? config.TABLE_NAME;
    console.error(
      unknown
        ? `No account with the email ${email}; it has to register first.`
        : isMissingTable(error)
          ? `No table ${table} ${values.table ? "in AWS" : `under ${config.DATA_DIR}`}: start the stack once with \`npm start\` (the same DATA_DIR), or name a deployed table with --table.`
          : error instanceof Error
            ? error.message
            : error,
    );
    return 1;
  } finally {
    await dynamo?.stop();
  }
}

/** DynamoDB's ResourceNotFoundException, as ElectroDB wraps it. */
function isMissingTable(error: unknown): boolean {
  const cause = error instanceof Error ? (error.cause as { name?: string } | undefined) : undefined;
  return cause?.name === "ResourceNotFoundException";
}

process.exitCode = await main(process.argv.slice(2));
