/**
 * `npm run bench:bundles`: each Lambda bundle's minified size, and how long a
 * fresh Node process takes to load the API bundle and answer its first request
 * (`GET /api/v1/health` against DynamoDB Local, the target's measure; then the
 * SPA's first calls, `/config` and `/markets`), beside an empty `node` on the
 * same machine: medians of wall time and of the CPU time each process used.
 * Beside them, two floors built with the same options (`packages/functions/bench/`): the
 * DynamoDB client alone answering what `/health` reads, and the smallest app on
 * this stack's libraries; what the target asks is read against them.
 * `benchBundles()` is what `npm run bench` calls.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createDb, ensureTable } from "@market/core";
import {
  apiBundle,
  apiSourceMapsEnvironment,
  type BundleProfile,
  type BundleSizes,
  buildLambdaBundle,
  bundleSizes,
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

/** What a floor is: the first request of a bundle that holds less than the app. */
export const coldStartFloors = {
  tableClient: {
    entry: "packages/functions/bench/table-client.ts",
    what: "the DynamoDB client alone: one DescribeTable, no app",
  },
  stackApp: {
    entry: "packages/functions/bench/stack-app.ts",
    what: "the smallest app on this stack: one @hono/zod-openapi route behind hono/aws-lambda, one DescribeTable",
  },
} as const;

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
    ...apiSourceMapsEnvironment,
  };
}

/**
 * A script that imports a bundle, sends its handler one request and prints the
 * status and the CPU time the process used (user + system, since it started).
 */
function firstRequestScript(entryFile: string, path: string): string {
  return `
const { handler } = await import(${JSON.stringify(pathToFileURL(entryFile).href)});
const response = await handler(${JSON.stringify(httpApiEvent("GET", path))}, {});
const { user, system } = process.cpuUsage();
process.stdout.write(JSON.stringify({ status: response.statusCode, cpuMs: (user + system) / 1000 }));
process.exit(response.statusCode === 200 ? 0 : 1);
`;
}

/** What an empty `node` does: nothing, then print its CPU time. */
const emptyNodeScript = [
  "-e",
  "const { user, system } = process.cpuUsage(); process.stdout.write(JSON.stringify({ cpuMs: (user + system) / 1000 }))",
];

interface ProcessTime {
  /** Spawn to exit. */
  wallMs: number;
  /** CPU the process used: steadier than wall time on a machine other work shares. */
  cpuMs: number;
}

/** One fresh `node` process, from spawn to exit. */
function timeProcess(args: string[], env: NodeJS.ProcessEnv): Promise<ProcessTime> {
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
      const wallMs = performance.now() - started;
      if (code !== 0) {
        reject(new Error(`node ${args.join(" ")} exited ${code}: ${output.slice(-2000)}`));
        return;
      }
      const { cpuMs } = JSON.parse(output.trim().split("\n").at(-1) ?? "{}") as { cpuMs: number };
      resolve({ wallMs, cpuMs });
    });
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** A fresh process's first request to one path, beside an empty `node` (medians). */
export interface FirstRequest {
  path: string;
  runs: number;
  /** Median wall time of an empty `node`. */
  emptyNodeMs: number;
  /** Median wall time of a fresh `node` that imports the API bundle and answers `path` once. */
  apiMs: number;
  /** `apiMs / emptyNodeMs`: the target's measure. */
  ratio: number;
  emptyNodeCpuMs: number;
  apiCpuMs: number;
  cpuRatio: number;
}

/** A floor's first request, beside the same empty `node`. */
export interface FloorFirstRequest extends FirstRequest {
  what: string;
}

export interface BundleBenchReport {
  /** Minified JavaScript bytes per bundle (source maps not counted). */
  bundles: Record<string, BundleSizes>;
  /** `GET /api/v1/health`, the target's request. */
  firstRequest: FirstRequest;
  /** The same for routes a client calls first (their groups load the entity layer). */
  otherFirstRequests: FirstRequest[];
  /** The same measure of bundles that hold less than the app (see {@link coldStartFloors}). */
  floors: Record<keyof typeof coldStartFloors, FloorFirstRequest>;
  targets: typeof bundleTargets;
  met: { apiBytesAtStart: boolean; apiBytesTotal: boolean; firstRequestRatio: boolean };
}

/** Paths measured after `/health`: the SPA's first calls, whose route groups read the table. */
const otherPaths = ["/api/v1/config", "/api/v1/markets"];

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
    const floorNames = Object.keys(coldStartFloors) as (keyof typeof coldStartFloors)[];
    const floorEntryFiles: string[] = [];
    for (const name of floorNames) {
      const entry = join(repoRoot, coldStartFloors[name].entry);
      floorEntryFiles.push((await buildLambdaBundle(entry, join(outRoot, name))).entryFile);
    }

    const endpoint = options.dynamoEndpoint ?? (dynamo?.endpoint as string);
    const table = `bench-bundles-${Date.now()}`;
    await ensureTable(createDb({ table, endpoint, region: "us-east-1" }));
    const env = apiLambdaEnvironment(endpoint, table);
    const paths = ["/api/v1/health", ...otherPaths];
    // The app's paths, then each floor's `/health`.
    const subjects = [
      ...paths.map((path) => ({ entryFile: apiEntryFile, path })),
      ...floorEntryFiles.map((entryFile) => ({ entryFile, path: "/api/v1/health" })),
    ];
    const scripts = subjects.map(({ entryFile, path }, index) => {
      const script = join(outRoot, `first-request-${index}.mjs`);
      writeFileSync(script, firstRequestScript(entryFile, path));
      return script;
    });
    const empty: ProcessTime[] = [];
    const api: ProcessTime[][] = subjects.map(() => []);
    // Side by side, alternating, after one warm-up of each (file cache).
    await timeProcess(emptyNodeScript, env);
    for (const script of scripts) await timeProcess([script], env);
    for (let run = 0; run < runs; run++) {
      empty.push(await timeProcess(emptyNodeScript, env));
      for (const [index, script] of scripts.entries()) {
        api[index]?.push(await timeProcess([script], env));
      }
    }
    const emptyNodeMs = Math.round(median(empty.map((time) => time.wallMs)));
    const emptyNodeCpuMs = Math.round(median(empty.map((time) => time.cpuMs)));
    const ratioOf = (value: number, base: number) => Math.round((value / base) * 100) / 100;
    const measured = subjects.map(({ path }, index): FirstRequest => {
      const times = api[index] ?? [];
      const apiMs = Math.round(median(times.map((time) => time.wallMs)));
      const apiCpuMs = Math.round(median(times.map((time) => time.cpuMs)));
      return {
        path,
        runs,
        emptyNodeMs,
        apiMs,
        ratio: ratioOf(apiMs, emptyNodeMs),
        emptyNodeCpuMs,
        apiCpuMs,
        cpuRatio: ratioOf(apiCpuMs, emptyNodeCpuMs),
      };
    });
    const [firstRequest, ...otherFirstRequests] = measured.slice(0, paths.length);
    const floors = Object.fromEntries(
      floorNames.map((name, index) => [
        name,
        { ...(measured[paths.length + index] as FirstRequest), what: coldStartFloors[name].what },
      ]),
    ) as BundleBenchReport["floors"];
    const health = firstRequest as FirstRequest;
    const apiSizes = bundles.api ?? {
      loadedAtStart: Number.POSITIVE_INFINITY,
      total: Number.POSITIVE_INFINITY,
    };
    return {
      bundles,
      firstRequest: health,
      otherFirstRequests,
      floors,
      targets: bundleTargets,
      met: {
        apiBytesAtStart: apiSizes.loadedAtStart <= bundleTargets.apiBytes,
        apiBytesTotal: apiSizes.total <= bundleTargets.apiBytes,
        firstRequestRatio: health.ratio <= bundleTargets.firstRequestRatio,
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
