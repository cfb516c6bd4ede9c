/**
 * `npm run bench`: every API operation through the real HTTP app on loopback,
 * each beside raw DynamoDB baselines in the same run, rounds alternating app /
 * same calls / lean calls. Writes bench/results.json and bench/results.md and
 * prints the table. Starts its own in-memory DynamoDB Local unless
 * DYNAMODB_ENDPOINT is set. Quote medians and ratios: this machine is shared.
 *
 *   npm run bench -- --quick                 one short round each, 1,000-bet settlement
 *   npm run bench -- --rounds=4 --seconds=3  more and longer rounds
 *   npm run bench -- --only=bet,login        some operations only
 *   npm run bench -- --quick "--only=cashout quote,cash-out"   names with spaces, quoted
 *   npm run bench -- --priced=20             requests per operation priced by AWS's rules
 *
 * After its timed rounds, each operation sends `--priced` more requests one at a
 * time with every DynamoDB request priced by AWS's rules (aws-pricing.ts): those
 * units, not DynamoDB Local's, feed the cost model.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { repoRoot } from "../lib/paths";
import type { PricedCall } from "./aws-pricing";
import { benchBundles } from "./bundles";
import { costModel } from "./cost";
import type { CapturedCall } from "./db-calls";
import { httpRound, median, type RoundResult, rawRound, round2 } from "./measure";
import {
  benchRounds,
  createFixtures,
  type Operation,
  operations,
  pendingOperations,
  sessionCost,
} from "./operations";
import { createShadows, describeCalls, onShadows, repeatable, send } from "./replay";
import { formatMarkdown } from "./report";
import { benchSettlement } from "./settlement.bench";
import { type BenchStack, startBenchStack } from "./stack";

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    rounds: { type: "string" },
    seconds: { type: "string" },
    connections: { type: "string" },
    "auth-connections": { type: "string" },
    "settle-bets": { type: "string" },
    only: { type: "string" },
    out: { type: "string" },
    priced: { type: "string" },
  },
});

const quick = args.quick ?? false;
const settings = {
  rounds: Number(args.rounds ?? (quick ? 1 : 3)),
  seconds: Number(args.seconds ?? (quick ? 1 : 2.5)),
  connections: Number(args.connections ?? 10),
  /** The login target (docs/performance.md#bench-targets) is quoted at 4 connections. */
  authConnections: Number(args["auth-connections"] ?? 4),
  settleBets: Number(args["settle-bets"] ?? (quick ? 1000 : 10_000)),
  settleConcurrency: 8,
  pricedRequests: Number(args.priced ?? (quick ? 5 : 10)),
};
const only = args.only?.split(",").map((name) => name.trim());
const outDir = args.out ?? join(repoRoot, "bench");

const benchStarted = performance.now();
/** A progress line, with the seconds since the bench started (where the time goes). */
const log = (line: string) =>
  process.stderr.write(
    `bench: [+${Math.round((performance.now() - benchStarted) / 1000)} s] ${line}\n`,
  );

interface Side {
  perSecond: number;
  latencyMs: RoundResult["latencyMs"];
  dynamoRequestsPerOp: number;
  capacityUnitsPerOp: number;
  errors: Record<string, number>;
}

function summarise(rounds: RoundResult[], requests: number[], capacity: number[]): Side {
  const errors: Record<string, number> = {};
  for (const round of rounds) {
    for (const [code, n] of Object.entries(round.errors)) errors[code] = (errors[code] ?? 0) + n;
  }
  return {
    perSecond: median(rounds.map((r) => r.perSecond)),
    latencyMs: {
      p50: median(rounds.map((r) => r.latencyMs.p50)),
      p95: median(rounds.map((r) => r.latencyMs.p95)),
      p99: median(rounds.map((r) => r.latencyMs.p99)),
      max: Math.max(...rounds.map((r) => r.latencyMs.max)),
    },
    dynamoRequestsPerOp: median(requests),
    capacityUnitsPerOp: median(capacity),
    errors,
  };
}

async function sendAll(stack: BenchStack, calls: CapturedCall[], tag: string) {
  for (const call of calls) await send(stack.raw, repeatable(call, tag));
}

/** Per request, on average: DynamoDB requests, and units by AWS's rules and as Local reported. */
export function perRequest(calls: PricedCall[], requests: number) {
  const sum = (pick: (call: PricedCall) => number) =>
    round2(calls.reduce((total, call) => total + pick(call), 0) / Math.max(1, requests));
  return {
    pricedRequests: requests,
    dynamoRequests: round2(calls.length / Math.max(1, requests)),
    awsReadUnits: sum((call) => call.aws.read),
    awsWriteUnits: sum((call) => call.aws.write),
    localReadUnits: sum((call) => call.local.read),
    localWriteUnits: sum((call) => call.local.write),
  };
}

/** `count` requests of the operation one at a time, every DynamoDB request priced. */
async function priceOperation(
  stack: BenchStack,
  operation: Operation,
  prepared: Awaited<ReturnType<Operation["prepare"]>>,
  count: number,
) {
  const calls: PricedCall[] = [];
  for (let index = 0; index < count; index++) {
    const spec = prepared.request(index + 700_000_000);
    const priced = await stack.meter.price(async () => {
      const response = await fetch(`${stack.origin}${spec.path}`, {
        method: spec.method,
        headers: spec.headers,
        body: spec.body,
      });
      if (!response.ok)
        throw new Error(`${operation.name}: ${response.status} ${await response.text()}`);
      await response.arrayBuffer();
    });
    calls.push(...priced);
  }
  await prepared.afterRound?.();
  return perRequest(calls, count);
}

async function benchOperation(
  stack: BenchStack,
  operation: Operation,
  fixtures: Awaited<ReturnType<typeof createFixtures>>,
) {
  const prepared = await operation.prepare(stack, fixtures);
  const connections = ["login", "register"].includes(operation.name)
    ? settings.authConnections
    : settings.connections;
  // One request on its own, to see exactly what the app sends for it.
  const sample = prepared.request(0);
  const captured = await stack.meter.capture(async () => {
    const response = await fetch(`${stack.origin}${sample.path}`, {
      method: sample.method,
      headers: sample.headers,
      body: sample.body,
    });
    if (!response.ok)
      throw new Error(`${operation.name}: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
  });
  await prepared.afterRound?.();
  const live = prepared.sameCalls?.(captured) ?? captured;
  // Raw rounds write to copies of the items the app's writes touched (replay.ts).
  await createShadows(stack.raw, live);
  const same = onShadows(live);
  const lean = onShadows(prepared.leanCalls(live));
  const limits = {
    connections,
    durationMs: settings.seconds * 1000,
    maxRequests: operation.maxRequestsPerRound,
  };
  const rounds = { app: [] as RoundResult[], same: [] as RoundResult[], lean: [] as RoundResult[] };
  const requests = { app: [] as number[], same: [] as number[], lean: [] as number[] };
  const capacity = { app: [] as number[], same: [] as number[], lean: [] as number[] };
  const appUnits = { read: [] as number[], write: [] as number[] };
  let tag = 0;
  // A warm-up of each side first (JIT in Node and in DynamoDB Local's JVM), not recorded.
  const warmUp = { ...limits, durationMs: Math.min(1000, limits.durationMs / 2) };
  await httpRound(stack.origin, (i) => prepared.request(i + 900_000_000), warmUp);
  await prepared.afterRound?.();
  await rawRound(() => sendAll(stack, same, `w${tag++}`), warmUp);
  await rawRound(() => sendAll(stack, lean, `w${tag++}`), warmUp);
  for (let round = 0; round < settings.rounds; round++) {
    stack.meter.reset();
    const app = await httpRound(
      stack.origin,
      (i) => prepared.request(i + 1 + round * 100_000),
      limits,
    );
    // Per request: what the request itself sent (a started workflow's calls come after).
    const appOk = Math.max(1, app.ok);
    requests.app.push(
      round2(operation.name === "session start" ? same.length : stack.meter.total() / appOk),
    );
    capacity.app.push(round2(stack.meter.capacity() / appOk));
    appUnits.read.push(round2(stack.meter.readUnits() / appOk));
    appUnits.write.push(round2(stack.meter.writeUnits() / appOk));
    rounds.app.push(app);
    await prepared.afterRound?.();
    for (const [side, calls] of [
      ["same", same],
      ["lean", lean],
    ] as const) {
      stack.rawMeter.reset();
      const result = await rawRound(() => sendAll(stack, calls, `r${tag++}`), limits);
      const ok = Math.max(1, result.ok);
      requests[side].push(round2(stack.rawMeter.total() / ok));
      capacity[side].push(round2(stack.rawMeter.capacity() / ok));
      rounds[side].push(result);
    }
    log(
      `${operation.name} round ${round + 1}: app ${app.perSecond}/s, same ${rounds.same.at(-1)?.perSecond}/s, lean ${rounds.lean.at(-1)?.perSecond}/s`,
    );
  }
  const awsUnits = await priceOperation(stack, operation, prepared, settings.pricedRequests);
  const leanAwsUnits = perRequest(
    await stack.rawMeter.price(() => sendAll(stack, lean, `p${tag++}`)),
    1,
  );
  await prepared.finish?.();
  const app = summarise(rounds.app, requests.app, capacity.app);
  const sameSide = summarise(rounds.same, requests.same, capacity.same);
  const leanSide = summarise(rounds.lean, requests.lean, capacity.lean);
  return {
    name: operation.name,
    connections,
    p95TargetMs: operation.p95TargetMs ?? null,
    app: {
      ...app,
      readUnitsPerOp: median(appUnits.read),
      writeUnitsPerOp: median(appUnits.write),
      awsUnits,
    },
    rawSameCalls: { ...sameSide, calls: describeCalls(same) },
    rawLean: {
      ...leanSide,
      calls: describeCalls(lean),
      description: prepared.leanDescription,
      awsUnits: leanAwsUnits,
    },
    ratioToSameCalls: round2(app.perSecond / Math.max(0.01, sameSide.perSecond)),
    ratioToLean: round2(app.perSecond / Math.max(0.01, leanSide.perSecond)),
    rounds: rounds.app.length,
  };
}

async function main() {
  const started = Date.now();
  log(`settings ${JSON.stringify(settings)}`);
  benchRounds.rounds = settings.rounds;
  // The cash-out rounds accept quotes taken while preparing, before the rounds.
  const stack = await startBenchStack({ CASHOUT_QUOTE_SECONDS: "3600" });
  try {
    const fixtures = await createFixtures(stack, 50);
    const results = [];
    for (const operation of operations) {
      if (only && !only.includes(operation.name)) continue;
      log(`${operation.name}...`);
      results.push(await benchOperation(stack, operation, fixtures));
    }
    const sessionTransitions = [...stack.transitions.sessions.values()];
    let settlement: Awaited<ReturnType<typeof benchSettlement>> | { skipped: string } = {
      skipped: "not in --only",
    };
    if (!only || only.includes("settlement")) {
      log(`settlement of ${settings.settleBets} pending bets...`);
      settlement = await benchSettlement(stack, {
        bets: settings.settleBets,
        users: 200,
        concurrency: settings.settleConcurrency,
      });
    }
    const bundleReport =
      only && !only.includes("bundles") ? { skipped: "not in --only" } : await bundles(stack);
    const report = {
      generatedAt: new Date().toISOString(),
      quick,
      settings,
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? "?", node: process.version },
      // Measured after the bundles, so the whole run is counted.
      durationSeconds: Math.round((Date.now() - started) / 1000),
      operations: results,
      notMeasuredYet: pendingOperations,
      bundles: bundleReport,
      settlement,
      costModel: costModel(
        results.map((op) => ({
          name: op.name,
          readUnitsPerOp: op.app.awsUnits.awsReadUnits,
          writeUnitsPerOp: op.app.awsUnits.awsWriteUnits,
          p50Ms: op.app.latencyMs.p50,
        })),
        {
          stateTransitions: median(sessionTransitions),
          taskInvocations: median([...stack.transitions.sessionTasks.values()]),
          dynamoUnits: { read: sessionCost.readUnits, write: sessionCost.writeUnits },
        },
      ),
      sessionWorkflow: {
        executions: sessionTransitions.length,
        stateTransitionsPerSession: median(sessionTransitions),
        taskInvocationsPerSession: median([...stack.transitions.sessionTasks.values()]),
        wholeSession: sessionCost,
        note: "StateEntered + StateRetried events of each local execution's history (one model per session in the session-start rounds, two in the status-poll fixtures)",
      },
    };
    mkdirSync(outDir, { recursive: true });
    writeFileSync(
      join(outDir, quick ? "results.quick.json" : "results.json"),
      `${JSON.stringify(report, null, 2)}\n`,
    );
    const markdown = formatMarkdown(report);
    writeFileSync(join(outDir, quick ? "results.quick.md" : "results.md"), markdown);
    process.stdout.write(markdown);
    log(`done in ${report.durationSeconds} s`);
  } finally {
    await stack.stop();
  }
}

/** Bundle sizes and cold start: the cloud work's measurement, run on the bench's DynamoDB. */
async function bundles(stack: BenchStack) {
  log("bundles and cold start (scripts/bench/bundles.ts)...");
  try {
    return await benchBundles({
      runs: quick ? 3 : 5,
      dynamoEndpoint: stack.config.DYNAMODB_ENDPOINT,
    });
  } catch (error) {
    return { notMeasured: error instanceof Error ? error.message : String(error) };
  }
}

await main();
