import { createTestDb } from "../../../../scripts/test/db";
import { loadConfig } from "../config";
import { type CoreContext, createContext } from "../context";

/** A core context on a fresh table of the run's DynamoDB Local. */
export async function createTestContext(
  env: Record<string, string> = {},
  options: { stream?: boolean } = {},
): Promise<CoreContext> {
  return createContext({ db: await createTestDb("ledger", options), config: loadConfig(env) });
}
