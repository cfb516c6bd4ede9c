/**
 * `npx tsx scripts/bench/login.bench.ts [--connections=4] [--seconds=10]`: login
 * latency through the HTTP app on loopback (argon2id, the hash gate, DynamoDB
 * Local in memory), as JSON. The PRD asks auth p95 < 200 ms.
 */
import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAdaptorServer } from "@hono/node-server";
import { createDb, ensureTable, loadConfig } from "@market/core";
import { createKeyring } from "@market/core/auth";
import { OutboxEmailSender } from "@market/core/email";
import { createApp } from "@market/functions/app";
import { loadServices } from "@market/functions/deps";
import autocannon from "autocannon";
import { startDynamoDbLocal } from "../dynamodb-local";

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);

const dynamo = await startDynamoDbLocal({ inMemory: true });
try {
  const config = loadConfig({
    TABLE_NAME: `bench-login-${Date.now()}`,
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    LOG_LEVEL: "ERROR",
    LOGIN_PER_IP_PER_HOUR: "1000000",
    REGISTER_PER_IP_PER_HOUR: "1000000",
  });
  const db = createDb({ table: config.TABLE_NAME, endpoint: config.DYNAMODB_ENDPOINT });
  await ensureTable(db);
  const app = createApp({
    db,
    config,
    keys: createKeyring([{ kid: "bench", secret: new TextEncoder().encode("b".repeat(48)) }]),
    email: new OutboxEmailSender(mkdtempSync(join(tmpdir(), "bench-login-"))),
    services: await loadServices(config, db, { local: true }),
  });
  const server = createAdaptorServer({ fetch: app.fetch });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const credentials = { email: "bench@example.com", password: "a long bench passphrase" };
  const registered = await fetch(`${url}/api/v1/auth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "bench_user", ...credentials }),
  });
  if (registered.status !== 201) throw new Error(`register: ${await registered.text()}`);
  const result = await autocannon({
    url: `${url}/api/v1/auth/login`,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(credentials),
    connections: arg("connections", 4),
    duration: arg("seconds", 10),
  });
  server.close();
  process.stdout.write(
    `${JSON.stringify(
      {
        connections: result.connections,
        requests: result.requests.total,
        perSecond: result.requests.average,
        latencyMs: {
          p50: result.latency.p50,
          p90: result.latency.p90,
          p97_5: result.latency.p97_5,
          p99: result.latency.p99,
          max: result.latency.max,
        },
        non2xx: result.non2xx,
      },
      null,
      2,
    )}\n`,
  );
} finally {
  await dynamo.stop();
}
