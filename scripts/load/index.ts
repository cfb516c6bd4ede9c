/**
 * `npm run load`: the load test (docs/performance.md#load-test) against the local stack
 * (in-memory DynamoDB Local, the real HTTP app on 127.0.0.1, in-process
 * workflows): 500 simulated users for a bounded time, 1,000 bets within a
 * minute, the resolution of a market with 10,000 pending bets; then the
 * invariants (reconcile of every user, no negative balance, every bet settled
 * once, every session finished or refunded). Exits 1 when an invariant breaks.
 *
 *   npm run load -- --quick     ~2 minutes: 150 users, 30 s, 300 bets, 1,000 pending
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startBenchStack } from "../bench/stack";
import { repoRoot } from "../lib/paths";
import { internalErrors } from "./driver";
import { startEconomy } from "./economy";
import { checkInvariants, invariantsLine } from "./invariants";
import { runLoad, waitForSessions } from "./scenario";

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    users: { type: "string" },
    seconds: { type: "string" },
    "burst-bets": { type: "string" },
    "resolution-bets": { type: "string" },
  },
});
const quick = args.quick ?? false;
const options = {
  users: Number(args.users ?? (quick ? 150 : 500)),
  authUsers: quick ? 4 : 12,
  mixSeconds: Number(args.seconds ?? (quick ? 30 : 90)),
  burstBets: Number(args["burst-bets"] ?? (quick ? 300 : 1000)),
  resolutionBets: Number(args["resolution-bets"] ?? (quick ? 1000 : 10_000)),
  log: (line: string) => process.stderr.write(`load: ${line}\n`),
};

async function main(): Promise<number> {
  const started = Date.now();
  // All from 127.0.0.1: the per-IP limits would refuse the second registration.
  // The per-user bet limit is raised so seeding 10,000 pending bets is not refused.
  const economy = await startEconomy();
  const stack = await startBenchStack({
    BETS_PER_USER_PER_MINUTE: "1000",
    PREDICTION_SESSIONS_PER_HOUR: "10",
    ...economy.env,
  });
  try {
    const result = await runLoad(
      { origin: stack.origin, ctx: stack.ctx, keys: stack.keys },
      { ...options, economy },
    );
    options.log("waiting for session workflows to end...");
    const stillRunning = await waitForSessions(stack.ctx, 120_000);
    options.log("checking invariants...");
    const invariants = await checkInvariants(stack.ctx);
    const report = {
      generatedAt: new Date().toISOString(),
      quick,
      options: { ...options, log: undefined },
      durationSeconds: Math.round((Date.now() - started) / 1000),
      ...result,
      sessionsStillRunning: stillRunning,
      invariants,
    };
    mkdirSync(join(repoRoot, "bench"), { recursive: true });
    writeFileSync(
      join(repoRoot, "bench", quick ? "load-quick.json" : "load-latest.json"),
      `${JSON.stringify(report, null, 2)}\n`,
    );
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    const serverErrors = internalErrors(result.mix, result.burst);
    const failures = [
      ...(invariants.ok ? [] : [`invariants: ${invariants.problems.slice(0, 5).join("; ")}`]),
      ...(result.resolution.settlement === "done" ? [] : ["settlement did not finish"]),
      ...(result.burst.withinOneMinute ? [] : [`burst took ${result.burst.seconds} s`]),
      ...(serverErrors ? [`${serverErrors} answers were 500`] : []),
      ...(result.resolution.resolveStatus === 200
        ? []
        : [`resolve answered ${result.resolution.resolveStatus}`]),
    ];
    options.log(invariantsLine(invariants, failures));
    return failures.length ? 1 : 0;
  } finally {
    await stack.stop();
    await economy.standIn.close();
  }
}

process.exitCode = await main();
