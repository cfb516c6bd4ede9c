import type { TestProject } from "vitest/node";
import { ensureDynamoDbLocalJar, startDynamoDbLocal } from "../dynamodb-local";
import { describeChecks, reconcileTables } from "./reconcile-tables";

/**
 * One DynamoDB Local for the whole test run, in memory on a free port; each test
 * file makes its own table on it (see `createTestDb`). With `DYNAMODB_ENDPOINT`
 * set, that DynamoDB is used instead and nothing is started.
 *
 * At the end, before DynamoDB Local stops, every table the run created is
 * reconciled (`reconcileLedgers`): a ledger left wrong fails the run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const since = new Date();
  const existing = process.env.DYNAMODB_ENDPOINT;
  if (existing) {
    project.provide("dynamoEndpoint", existing);
    return () => reconcileLedgers(existing, since);
  }
  await ensureDynamoDbLocalJar((line) => console.log(`[global-setup] ${line}`));
  const dynamo = await startDynamoDbLocal({ inMemory: true });
  project.provide("dynamoEndpoint", dynamo.endpoint);
  // For test files that spawn processes of their own (they inherit the environment).
  process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
  return async () => {
    try {
      await reconcileLedgers(dynamo.endpoint, since);
    } finally {
      await dynamo.stop();
      delete process.env.DYNAMODB_ENDPOINT;
    }
  };
}

/**
 * Reconciles every table created since `since` (or those of them in `only`) and
 * prints what it found. Any
 * difference fails the run: vitest 4 only logs an error thrown by a global
 * teardown ("error during close") and still exits 0, so the exit code is set
 * here, and the error is thrown as well for the log.
 */
export async function reconcileLedgers(
  endpoint: string,
  since: Date,
  only?: string[],
): Promise<void> {
  const { failed, text } = describeChecks(await reconcileTables(endpoint, since, only));
  if (!failed) {
    console.log(`[global-teardown] ${text}`);
    return;
  }
  process.exitCode = 1;
  console.error(`[global-teardown] ${text}`);
  throw new Error(text);
}
