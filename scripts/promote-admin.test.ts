import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { findUserByEmail, register } from "@market/core/accounts";
import { createKeyring } from "@market/core/auth";
import { loadConfig } from "@market/core/config";
import { createContext } from "@market/core/context";
import { OutboxEmailSender } from "@market/core/email";
import { describe, expect, inject, it } from "vitest";
import { repoRoot } from "./lib/paths";
import { createTestDb } from "./test/db";

describe("npm run promote-admin -- <email> --table <TableName>", () => {
  it("promotes the account in that table through AWS's DynamoDB endpoint, as after a deploy", async () => {
    const db = await createTestDb("promote");
    const ctx = {
      ...createContext({ db, config: loadConfig({}) }),
      keys: createKeyring([{ kid: "k", secret: new TextEncoder().encode("p".repeat(48)) }]),
      email: new OutboxEmailSender(mkdtempSync(join(tmpdir(), "promote-outbox-"))),
    };
    await register(ctx, {
      username: "first_admin",
      email: "first-admin@example.com",
      password: "a long passphrase for the first admin",
    });

    // No DYNAMODB_ENDPOINT and no running `npm start`: only the SDK's own endpoint
    // setting (here DynamoDB Local standing in for AWS) tells it where DynamoDB is.
    await promisify(execFile)(
      process.execPath,
      [
        "--import",
        "tsx",
        "scripts/promote-admin.ts",
        "first-admin@example.com",
        "--table",
        db.table,
      ],
      {
        cwd: repoRoot,
        env: {
          PATH: process.env.PATH,
          DATA_DIR: mkdtempSync(join(tmpdir(), "promote-data-")),
          AWS_ENDPOINT_URL_DYNAMODB: inject("dynamoEndpoint"),
          AWS_ACCESS_KEY_ID: "deployer",
          AWS_SECRET_ACCESS_KEY: "deployer",
          AWS_REGION: "us-east-1",
        },
      },
    );

    expect((await findUserByEmail(ctx, "first-admin@example.com"))?.role).toBe("admin");
  }, 60_000);
});
