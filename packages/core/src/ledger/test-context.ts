import { randomUUID } from "node:crypto";
import { createTestDb } from "../../../../scripts/test/db";
import { loadConfig } from "../config";
import { type CoreContext, createContext } from "../context";
import { openAccount } from "./open-account";

/** A core context on a fresh table of the run's DynamoDB Local. */
export async function createTestContext(env: Record<string, string> = {}): Promise<CoreContext> {
  return createContext({ db: await createTestDb("ledger"), config: loadConfig(env) });
}

/** A new user holding `balance` credits through a real opening entry. */
export async function userWithBalance(ctx: CoreContext, balance: number): Promise<string> {
  const userId = `user-${randomUUID()}`;
  await openAccount(ctx, {
    userId,
    openingGrant:
      balance > 0 ? { amount: balance, type: "admin_grant", reason: "test balance" } : undefined,
  });
  return userId;
}
