import { randomUUID } from "node:crypto";
import type { CoreContext } from "../context";
import { openAccount } from "../ledger/open-account";

/**
 * A new user holding `balance` credits through a real opening entry:
 * `await aUser(ctx, { balance: 500 })`, with an email address if asked
 * (`{ email: true }` makes one up). Returns the user id.
 */
export async function aUser(
  ctx: CoreContext,
  {
    balance = 0,
    plan,
    email,
  }: { balance?: number; plan?: "free" | "unlimited"; email?: boolean } = {},
): Promise<string> {
  const userId = `user-${randomUUID()}`;
  await openAccount(ctx, {
    userId,
    ...(plan ? { plan } : {}),
    ...(email ? { email: `${userId}@example.com` } : {}),
    openingGrant:
      balance > 0 ? { amount: balance, type: "admin_grant", reason: "test balance" } : undefined,
  });
  return userId;
}

/** A new user holding `balance` credits; `aUser(ctx, { balance })` by another name. */
export function userWithBalance(ctx: CoreContext, balance: number): Promise<string> {
  return aUser(ctx, { balance });
}
