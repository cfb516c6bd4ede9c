/**
 * `npm run promote-admin -- <email>`: makes an existing account an admin.
 * Reaches the DynamoDB of a running `npm start` (or DYNAMODB_ENDPOINT); when
 * neither is there, it starts DynamoDB Local on DATA_DIR for the moment.
 */
import { join } from "node:path";
import { createContext, createDb, loadConfig } from "@market/core";
import { promoteToAdmin } from "@market/core/accounts";
import { createKeyring } from "@market/core/auth/signing-keys";
import { OutboxEmailSender } from "@market/core/email";
import { type DynamoDbLocal, startDynamoDbLocal } from "./dynamodb-local";
import { readEndpointFile } from "./lib/endpoint-file";

async function main(email: string | undefined): Promise<number> {
  if (!email) {
    console.error("Usage: npm run promote-admin -- <email>");
    return 2;
  }
  const config = loadConfig();
  let dynamo: DynamoDbLocal | undefined;
  let endpoint = config.DYNAMODB_ENDPOINT ?? readEndpointFile(config.DATA_DIR);
  if (!endpoint) {
    dynamo = await startDynamoDbLocal({ dbPath: join(config.DATA_DIR, "dynamodb") });
    endpoint = dynamo.endpoint;
  }
  try {
    const db = createDb({ table: config.TABLE_NAME, endpoint, region: config.AWS_REGION });
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
    console.error(
      unknown
        ? `No account with the email ${email}; it has to register first.`
        : error instanceof Error
          ? error.message
          : error,
    );
    return 1;
  } finally {
    await dynamo?.stop();
  }
}

process.exitCode = await main(process.argv[2]);
