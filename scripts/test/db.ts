import { randomUUID } from "node:crypto";
import { createDb, type Db, ensureTable } from "@market/core/db";
import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** Endpoint of the DynamoDB Local started once for the whole run (global setup). */
    dynamoEndpoint: string;
  }
}

/**
 * A fresh table on the run's DynamoDB Local, so every test file owns its data
 * and files can run in parallel without seeing each other's items.
 */
export async function createTestDb(
  prefix = "test",
  /** `stream: false` for a table whose derived numbers the test never reads (a big one). */
  options: { stream?: boolean } = {},
): Promise<Db> {
  const db = createDb({ table: `${prefix}-${randomUUID()}`, endpoint: inject("dynamoEndpoint") });
  await ensureTable(db, options);
  return db;
}
