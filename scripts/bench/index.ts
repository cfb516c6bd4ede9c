/**
 * `npm run bench`: performance numbers as JSON on stdout (progress on stderr).
 * Starts its own in-memory DynamoDB Local unless DYNAMODB_ENDPOINT is set.
 * Quote medians and ratios: machines here are shared and noisy.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, loadConfig } from "@market/core";
import { OutboxEmailSender } from "@market/core/email";
import { loadServices } from "@market/functions/deps";
import { startDynamoDbLocal } from "../dynamodb-local";
import { benchBets } from "./bets.bench";

const argNumber = (name: string, fallback: number) => {
  const value = process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1];
  return value ? Number(value) : fallback;
};

async function main() {
  const dynamo = process.env.DYNAMODB_ENDPOINT
    ? undefined
    : await startDynamoDbLocal({ inMemory: true });
  try {
    const config = loadConfig({
      ...process.env,
      TABLE_NAME: `bench-${Date.now()}`,
      DYNAMODB_ENDPOINT: dynamo?.endpoint ?? process.env.DYNAMODB_ENDPOINT,
      LOG_LEVEL: "ERROR",
    });
    const db = createDb({ table: config.TABLE_NAME, endpoint: config.DYNAMODB_ENDPOINT });
    const deps = {
      db,
      config,
      email: new OutboxEmailSender(mkdtempSync(join(tmpdir(), "bench-outbox-"))),
      services: await loadServices(config, db, { local: true }),
    };
    process.stderr.write("bench: bet placement through the HTTP app...\n");
    const bets = await benchBets(deps, {
      users: argNumber("users", 40),
      betsPerUser: argNumber("bets-per-user", 25),
      connections: argNumber("connections", 10),
    });
    const report = {
      machine: { cpus: (await import("node:os")).cpus().length, node: process.version },
      bets,
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await dynamo?.stop();
  }
}

await main();
