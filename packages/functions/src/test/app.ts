import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "@market/core";
import { createKeyring } from "@market/core/auth/signing-keys";
import { OutboxEmailSender } from "@market/core/email";
import { createTestDb } from "../../../../scripts/test/db";
import { type AppDeps, createApp } from "../app";

/** A keyring for tests; real HS256 keys, just not persisted. */
export const testKeys = createKeyring([
  { kid: "test-1", secret: new TextEncoder().encode("t".repeat(48)) },
]);

/**
 * The real app on a fresh table of the run's DynamoDB Local, with emails going
 * to a fresh outbox folder the test can read.
 */
export async function createTestApp(
  overrides: Partial<AppDeps> & { env?: Record<string, string> } = {},
) {
  const { env, ...rest } = overrides;
  const db = await createTestDb("api");
  const config = loadConfig({ TRUST_FORWARDED_FOR: "true", ...env });
  const outbox = new OutboxEmailSender(mkdtempSync(join(tmpdir(), "outbox-")));
  const deps: AppDeps = { db, config, keys: testKeys, email: outbox, ...rest };
  return { app: createApp(deps), db, config, outbox };
}

export function jsonRequest(method: string, body: unknown, headers: Record<string, string> = {}) {
  return {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  };
}
