import type { TestProject } from "vitest/node";
import { ensureDynamoDbLocalJar, startDynamoDbLocal } from "../dynamodb-local";

/**
 * One DynamoDB Local for the whole test run, in memory on a free port; each test
 * file makes its own table on it (see `createTestDb`). With `DYNAMODB_ENDPOINT`
 * set, that DynamoDB is used instead and nothing is started.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const existing = process.env.DYNAMODB_ENDPOINT;
  if (existing) {
    project.provide("dynamoEndpoint", existing);
    return;
  }
  await ensureDynamoDbLocalJar((line) => console.log(`[global-setup] ${line}`));
  const dynamo = await startDynamoDbLocal({ inMemory: true });
  project.provide("dynamoEndpoint", dynamo.endpoint);
  // For test files that spawn processes of their own (they inherit the environment).
  process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
  return async () => {
    await dynamo.stop();
    delete process.env.DYNAMODB_ENDPOINT;
  };
}
