import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, loadConfig } from "@market/core";
import { createKeyring } from "@market/core/auth";
import { OutboxEmailSender } from "@market/core/email";
import { createApp } from "@market/functions/app";
import { loadServices } from "@market/functions/deps";

/**
 * The API's OpenAPI document, produced in-process from the real `createApp()`
 * (no server, no DynamoDB call: building the document touches neither). Local
 * settings, so the development-only routes (the email outbox) are in it too.
 */
export async function liveOpenApiDocument(): Promise<unknown> {
  const config = loadConfig({});
  const db = createDb({
    table: "openapi-document",
    endpoint: "http://127.0.0.1:9",
    region: "us-east-1",
  });
  const keys = createKeyring([{ kid: "doc", secret: new TextEncoder().encode("d".repeat(48)) }]);
  const email = new OutboxEmailSender(mkdtempSync(join(tmpdir(), "openapi-outbox-")));
  const services = await loadServices(config, db, { local: true });
  const app = createApp({ db, config, keys, email, services });
  const response = await app.request("/api/v1/openapi.json");
  if (!response.ok) throw new Error(`openapi.json answered ${response.status}`);
  return response.json();
}
