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
  /**
   * `stream: true` for a test that reads derived numbers (`drainDerived`). Off by
   * default: DynamoDB Local serves every stream from one store, and each table's
   * stream makes reading any of them slower for the whole run.
   */
  options: { stream?: boolean } = {},
): Promise<Db> {
  const db = createDb({ table: `${prefix}-${randomUUID()}`, endpoint: inject("dynamoEndpoint") });
  await ensureTable(db, { stream: options.stream ?? false });
  return db;
}
