import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import type { Db } from "@market/core/db";
import { inject } from "vitest";
import {
  apiSourceMapsEnvironment,
  buildLambdaBundle,
  sourceMapsEnvironment,
} from "../../infra/bundling";
import { lambdaEntries } from "../../scripts/bench/bundles";
import { repoRoot } from "../../scripts/lib/paths";
import { createTestDb } from "../../scripts/test/db";
import { startFakeSfn } from "../../scripts/test/fake-sfn";

export const settlementArn = "arn:aws:states:us-east-1:000000000000:stateMachine:settlement";
export const sessionArn = "arn:aws:states:us-east-1:000000000000:stateMachine:sessions";

/** What `hono/aws-lambda` answers API Gateway with. */
export interface HttpResult {
  statusCode: number;
  body: string;
  headers: Record<string, string>;
}

/**
 * Every Lambda bundle built as a deploy builds it (infra/bundling.ts), run in
 * fresh Node processes configured as in AWS, on a table of the test run's
 * DynamoDB Local, with a loopback Step Functions that records StartExecution.
 */
export interface BundledLambdas {
  db: Db;
  sfn: Awaited<ReturnType<typeof startFakeSfn>>;
  /**
   * Calls `<bundle>.<export>` with each event in turn in one fresh process (a
   * cold start, then warm calls); resolves with their results, rejects when one throws.
   */
  invokeEach(
    bundle: string,
    exportName: string,
    events: unknown[],
    /** More environment, as a stack sets it (`EDGE_ORIGIN_SECRET`). */
    env?: Record<string, string>,
  ): Promise<unknown[]>;
  /** `invokeEach` with one event. */
  invoke(bundle: string, exportName: string, event: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

export async function buildBundledLambdas(): Promise<BundledLambdas> {
  const out = mkdtempSync(join(tmpdir(), "bundled-handlers-"));
  const db = await createTestDb("bundled");
  const sfn = await startFakeSfn();
  const entryFiles: Record<string, string> = {};
  for (const [name, { entry, profile }] of Object.entries(lambdaEntries)) {
    entryFiles[name] = (
      await buildLambdaBundle(join(repoRoot, entry), join(out, name), profile)
    ).entryFile;
  }
  let calls = 0;

  const invokeEach: BundledLambdas["invokeEach"] = async (bundle, exportName, events, env = {}) => {
    const script = join(out, `invoke-${bundle}-${exportName}-${++calls}.mjs`);
    writeFileSync(
      script,
      `const module = await import(${JSON.stringify(pathToFileURL(entryFiles[bundle] as string).href)});
const context = { functionName: ${JSON.stringify(exportName)}, awsRequestId: "test", getRemainingTimeInMillis: () => 30000 };
const results = [];
for (const event of ${JSON.stringify(events)}) results.push((await module[${JSON.stringify(exportName)}](event, context)) ?? null);
// Exit once the pipe took it all: a write to a pipe is asynchronous past 64 KB.
process.stdout.write("\\n" + JSON.stringify(results), () => process.exit(0));`,
    );
    const { stdout } = await promisify(execFile)(process.execPath, [script], {
      env: {
        PATH: process.env.PATH,
        TABLE_NAME: db.table,
        DYNAMODB_ENDPOINT: inject("dynamoEndpoint"),
        AWS_REGION: "us-east-1",
        AWS_ACCESS_KEY_ID: "test",
        AWS_SECRET_ACCESS_KEY: "test",
        AWS_ENDPOINT_URL_SFN: sfn.endpoint,
        JWT_SECRET: "a-test-secret-of-at-least-32-characters",
        EMAIL_TRANSPORT: "ses",
        SETTLEMENT_STATE_MACHINE_ARN: settlementArn,
        SESSION_STATE_MACHINE_ARN: sessionArn,
        LOG_LEVEL: "SILENT",
        ...(bundle === "api" ? apiSourceMapsEnvironment : sourceMapsEnvironment),
        ...env,
      },
    });
    return JSON.parse(stdout.trim().split("\n").at(-1) ?? "[]") as unknown[];
  };

  return {
    db,
    sfn,
    invokeEach,
    invoke: async (bundle, exportName, event) => (await invokeEach(bundle, exportName, [event]))[0],
    stop: async () => {
      await sfn.stop();
      rmSync(out, { recursive: true, force: true });
    },
  };
}
