/**
 * `npm run bench:bundles`: each Lambda bundle's minified size, and how long a
 * fresh Node process takes to load the API bundle and answer its first request
 * (`GET /api/v1/health` against DynamoDB Local), beside an empty `node` on the
 * same machine. `benchBundles()` is what `npm run bench` calls.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createDb, ensureTable } from "@market/core";
import {
  apiBundle,
  type BundleProfile,
  type BundleSizes,
  buildLambdaBundle,
  bundleSizes,
  sourceMapsEnvironment,
} from "../../infra/bundling";
import { startDynamoDbLocal } from "../dynamodb-local";
import { httpApiEvent } from "../lib/lambda-events";
import { isEntryPoint, repoRoot } from "../lib/paths";

/** Every Lambda entry point, with the bundle profile its functions use (stacks/*.ts). */
export const lambdaEntries: Record<string, { entry: string; profile: BundleProfile }> = {
  api: { entry: "packages/functions/src/handlers/api.ts", profile: apiBundle },
  jobs: { entry: "packages/functions/src/handlers/jobs.ts", profile: {} },
  session: { entry: "packages/functions/src/handlers/session.ts", profile: {} },
  settlement: { entry: "packages/functions/src/handlers/settlement.ts", profile: {} },
};

/** The targets of issue 15: API bundle ≤ 1 MB minified, first request ≤ 2.5× an empty node. */
export const bundleTargets = { apiBytes: 1_000_000, firstRequestRatio: 2.5 } as const;

/** The environment the API Lambda has in AWS, pointed at a local DynamoDB. */
export function apiLambdaEnvironment(dynamoEndpoint: string, table: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    TABLE_NAME: table,
    DYNAMODB_ENDPOINT: dynamoEndpoint,
    AWS_REGION: "us-east-1",
    AWS_ACCESS_KEY_ID: "local",
    AWS_SECRET_ACCESS_KEY: "local",
    JWT_SECRET: "a-bench-secret-of-at-least-32-characters",
    EMAIL_TRANSPORT: "ses",
    SETTLEMENT_STATE_MACHINE_ARN: "arn:aws:states:us-east-1:000000000000:stateMachine:settle",
    SESSION_STATE_MACHINE_ARN: "arn:aws:states:us-east-1:000000000000:stateMachine:session",
    LOG_LEVEL: "ERROR",
    ...sourceMapsEnvironment,
  };
}

/** A script that imports a bundle, sends its handler one request and exits with its status. */
function firstRequestScript(entryFile: string, path: string): string {
  return `
const { handler } = await import(${JSON.stringify(pathToFileURL(entryFile).href)});
const response = await handler(${JSON.stringify(httpApiEvent("GET", path))}, {});
process.stdout.write(String(response.statusCode));
process.exit(response.statusCode === 200 ? 0 : 1);
`;
}

/** Wall time of one fresh `node` process, from spawn to exit, in ms. */
function timeProcess(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("exit", (code) => {
      const elapsed = performance.now() - started;
      if (code === 0) resolve(elapsed);
      else reject(new Error(`node ${args.join(" ")} exited ${code}: ${output.slice(-2000)}`));
    });
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

export interface BundleBenchReport {
  /** Minified JavaScript bytes per bundle (source maps not counted). */
  bundles: Record<string, BundleSizes>;
  firstRequest: {
    path: string;
    runs: number;
    /** Median wall time of `node -e 0`. */
    emptyNodeMs: number;
    /** Median wall time of a fresh `node` that imports the API bundle and answers one request. */
    apiMs: number;
    ratio: number;
  };
  targets: typeof bundleTargets;
  met: { apiBytes: boolean; firstRequestRatio: boolean };
}

/** Builds every bundle as a deploy does and measures them (see the module comment). */
export async function benchBundles(
  options: { runs?: number; dynamoEndpoint?: string } = {},
): Promise<BundleBenchReport> {
  const runs = options.runs ?? 9;
  const outRoot = mkdtempSync(join(tmpdir(), "bench-bundles-"));
  const dynamo = options.dynamoEndpoint ? undefined : await startDynamoDbLocal({ inMemory: true });
  try {
    const bundles: Record<string, BundleSizes> = {};
    let apiEntryFile = "";
    for (const [name, { entry, profile }] of Object.entries(lambdaEntries)) {
      const built = await buildLambdaBundle(join(repoRoot, entry), join(outRoot, name), profile);
      bundles[name] = bundleSizes(built.metafile, join(repoRoot, entry));
      if (name === "api") apiEntryFile = built.entryFile;
    }

    const endpoint = options.dynamoEndpoint ?? (dynamo?.endpoint as string);
    const table = `bench-bundles-${Date.now()}`;
    await ensureTable(createDb({ table, endpoint, region: "us-east-1" }));
    const script = join(outRoot, "first-request.mjs");
    writeFileSync(script, firstRequestScript(apiEntryFile, "/api/v1/health"));
    const env = apiLambdaEnvironment(endpoint, table);
    const empty: number[] = [];
    const api: number[] = [];
    // Side by side, alternating, after one warm-up of each (file cache).
    await timeProcess(["-e", "0"], env);
    await timeProcess([script], env);
    for (let run = 0; run < runs; run++) {
      empty.push(await timeProcess(["-e", "0"], env));
      api.push(await timeProcess([script], env));
    }
    const emptyNodeMs = Math.round(median(empty));
    const apiMs = Math.round(median(api));
    const ratio = Math.round((apiMs / emptyNodeMs) * 100) / 100;
    return {
      bundles,
      firstRequest: { path: "/api/v1/health", runs, emptyNodeMs, apiMs, ratio },
      targets: bundleTargets,
      met: {
        apiBytes: (bundles.api?.total ?? Number.POSITIVE_INFINITY) <= bundleTargets.apiBytes,
        firstRequestRatio: ratio <= bundleTargets.firstRequestRatio,
      },
    };
  } finally {
    await dynamo?.stop();
    rmSync(outRoot, { recursive: true, force: true });
  }
}

if (isEntryPoint(import.meta.url)) {
  const report = await benchBundles();
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}
