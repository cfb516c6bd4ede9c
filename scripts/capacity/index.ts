/**
 * `npm run capacity`: the read and write rate of every DynamoDB partition key at
 * the PRD's 1,000 and 5,000 req/s (the load test's mix) and during a 10,000-bet
 * settlement, from each operation's items measured on DynamoDB Local and priced
 * by AWS's rules. Flags any key above half of one partition's limits (1,000
 * WCU/s, 3,000 RCU/s); with `--strict`, exits 1 when one is flagged. The model and
 * today's table: docs/capacity.md.
 *
 *   npm run capacity
 *   npm run capacity -- --strict --samples=12 --hot-market-share=0.25
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "@market/core/config";
import { stageConfig } from "../../stages";
import { prod } from "../../stages/prod";
import { startBenchStack } from "../bench/stack";
import { repoRoot } from "../lib/paths";
import { meanThinkSeconds, mixShares } from "../load/user";
import { consumerOf, measureOperations } from "./measure";
import { flagAt, type KeyRate, keyRates, partitionLimits, type Scenario } from "./model";

const { values: args } = parseArgs({
  options: {
    strict: { type: "boolean", default: false },
    samples: { type: "string" },
    "hot-market-share": { type: "string" },
    "settle-bets": { type: "string" },
    "settle-seconds": { type: "string" },
    "settle-users": { type: "string" },
    "measured-settle-bets": { type: "string" },
    out: { type: "string" },
  },
});

const settings = {
  /** Requests measured per operation. */
  samples: Number(args.samples ?? 10),
  /** Of the traffic on market-scoped keys, the share the most popular market draws. */
  hotMarketShare: Number(args["hot-market-share"] ?? 0.25),
  settleBets: Number(args["settle-bets"] ?? 10_000),
  /** The settlement's target: all its bets settled within this long. */
  settleSeconds: Number(args["settle-seconds"] ?? 60),
  /** The users holding the settled bets (the bench's settlement: 200). */
  settleUsers: Number(args["settle-users"] ?? 200),
  /**
   * Seconds of Lambda time per API request: with the request rate, how many
   * containers run at once, each holding its own market list pages
   * (`MARKET_LIST_CACHE_SECONDS`). Taken high (the API's p50 is far below), so
   * the model counts more containers, and more list reads, than there would be.
   */
  lambdaSecondsPerRequest: 0.1,
  /** Distinct list pages the mix asks for (the load test's one: `?limit=20`). */
  listPages: 1,
  /** Bets of the settlement actually run and measured (its units are per bet). */
  measuredSettleBets: Number(args["measured-settle-bets"] ?? 20),
};
const log = (line: string) => process.stderr.write(`capacity: ${line}\n`);

/**
 * The load test's mix (scripts/load/user.ts) as shares of all requests. The daily
 * reward is claimed once per simulated user (about one of the
 * `loadRequestsPerUser` requests a user makes in the 90 s mixed phase) and its
 * roll otherwise goes to the leaderboard; 12 of the 500 users register and log in.
 */
const loadRequestsPerUser = 90 / meanThinkSeconds;
const dailyReward = 1 / loadRequestsPerUser;
const authShare = 12 / 500 / loadRequestsPerUser;
export const requestMix: Record<string, number> = {
  ...mixShares,
  "daily reward": dailyReward,
  leaderboard: mixShares.leaderboard + mixShares["daily reward"] - dailyReward,
  register: authShare,
  login: authShare,
};

function scenarios(): Scenario[] {
  const config = loadConfig({});
  const limits = {
    userRequestsPerSecond: config.REQUESTS_PER_USER_PER_MINUTE / 60,
    clientRequestsPerSecond: config.ANONYMOUS_READS_PER_IP_PER_MINUTE / 60,
    hotMarketShare: settings.hotMarketShare,
  };
  const traffic = (perSecond: number): Scenario => {
    const rates = Object.fromEntries(
      Object.entries(requestMix).map(([name, share]) => [name, share * perSecond]),
    );
    rates["market list"] = listReadsPerSecond(rates["market list"] ?? 0, perSecond);
    // Each session start runs its workflow (Step Functions and Lambdas) once.
    rates["session workflow"] = rates["session start"] ?? 0;
    // The stream consumer follows every request that changed the table, at its rate.
    for (const [name, rate] of Object.entries(rates)) rates[consumerOf(name)] = rate;
    return { name: `${perSecond.toLocaleString("en")} req/s`, rates, ...limits };
  };
  const betsPerSecond = settings.settleBets / settings.settleSeconds;
  return [
    traffic(1000),
    traffic(5000),
    {
      name: `settling ${settings.settleBets.toLocaleString("en")} bets in ${settings.settleSeconds} s`,
      rates: { settlement: betsPerSecond, [consumerOf("settlement")]: betsPerSecond },
      ...limits,
      // Every bet is on the settled market; each user holds 1/settleUsers of them.
      hotMarketShare: 1,
      userShare: 1 / settings.settleUsers,
    },
  ];
}

/**
 * The market lists that reach the table at `perSecond` requests: each API
 * container reads each list page once per `MARKET_LIST_CACHE_SECONDS` of the
 * production stage and answers the rest from memory, so the table sees at
 * most containers × pages ÷ seconds lists a second.
 */
function listReadsPerSecond(lists: number, perSecond: number): number {
  const seconds = stageConfig(prod).MARKET_LIST_CACHE_SECONDS;
  if (seconds === 0) return lists;
  const containers = Math.ceil(perSecond * settings.lambdaSecondsPerRequest);
  return Math.min(lists, (containers * settings.listPages) / seconds);
}

function formatTable(keys: KeyRate[], names: string[], rows: number): string {
  const shown = keys.filter(
    (key, index) => index < rows || Object.values(key.rates).some((rate) => rate.flagged),
  );
  const lines = [
    `| partition key (index) | spread | ${names.map((name) => `${name}: WCU/s · RCU/s`).join(" | ")} | written or read by (units per request) |`,
    `| --- | --- | ${names.map(() => "--:").join(" | ")} | --- |`,
  ];
  for (const key of shown) {
    const cells = names.map((name) => {
      const rate = key.rates[name];
      if (!rate) return "–";
      const text = `${rate.write} · ${rate.read} (${Math.round(rate.utilisation * 100)}%)`;
      return rate.flagged ? `**${text} ⚠**` : text;
    });
    const spread =
      key.keyClass === "shared"
        ? key.values === 1
          ? "singleton"
          : `${key.values} values seen`
        : `per ${key.keyClass}`;
    const by = Object.entries(key.operations)
      .map(([name, units]) => `${name} ${fmtUnits(units)}`)
      .join(", ");
    lines.push(
      `| \`${key.pattern}\`${key.index === "table" ? "" : ` (${key.index})`} | ${spread} | ${cells.join(" | ")} | ${by} |`,
    );
  }
  return lines.join("\n");
}

const fmtUnits = (units: { read: number; write: number }) =>
  [
    units.write ? `${Math.round(units.write * 100) / 100} W` : "",
    units.read ? `${Math.round(units.read * 100) / 100} R` : "",
  ]
    .filter(Boolean)
    .join(" ");

async function main(): Promise<number> {
  const started = Date.now();
  const stack = await startBenchStack();
  try {
    const names = Object.keys(requestMix);
    const measured = await measureOperations(stack, {
      names,
      samples: settings.samples,
      settlementBets: settings.measuredSettleBets,
      log,
    });
    const plan = scenarios();
    const keys = keyRates(measured.operations, measured.ids, plan);
    const flagged = keys.filter((key) => Object.values(key.rates).some((rate) => rate.flagged));
    const perOperation = measured.operations.map((operation) => {
      const count = Math.max(1, operation.samples.length);
      const touches = operation.samples.flat();
      return {
        name: operation.name,
        writeUnits: round(touches.reduce((sum, touch) => sum + touch.write, 0) / count),
        readUnits: round(touches.reduce((sum, touch) => sum + touch.read, 0) / count),
      };
    });
    const report = {
      generatedAt: new Date().toISOString(),
      durationSeconds: Math.round((Date.now() - started) / 1000),
      settings,
      partitionLimits,
      flagAt,
      requestMix,
      scenarios: plan,
      perOperation,
      keys,
      flagged: flagged.map((key) => `${key.index} ${key.pattern}`),
    };
    const markdown = [
      `Capacity model, ${report.generatedAt} (${report.durationSeconds} s; ${settings.samples} requests per operation, a ${settings.measuredSettleBets}-bet settlement; hottest market ${settings.hotMarketShare * 100}% of market-scoped traffic). Per key pattern, its hottest value: WCU/s · RCU/s (share of one partition's ${partitionLimits.writeUnitsPerSecond} WCU/s or ${partitionLimits.readUnitsPerSecond} RCU/s, whichever is higher); ⚠ above ${flagAt * 100}%.`,
      "",
      formatTable(
        keys,
        plan.map((scenario) => scenario.name),
        25,
      ),
      "",
      "Units per request by AWS's rules:",
      "",
      "| operation | WCU | RCU |",
      "| --- | --: | --: |",
      ...perOperation.map((op) => `| ${op.name} | ${op.writeUnits} | ${op.readUnits} |`),
      "",
      flagged.length
        ? `Flagged: ${flagged.map((key) => `\`${key.pattern}\`${key.index === "table" ? "" : ` (${key.index})`}`).join(", ")}.`
        : "No partition key above the flag.",
      "",
    ].join("\n");
    const out = args.out ?? join(repoRoot, "bench");
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, "capacity.json"), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(out, "capacity.md"), markdown);
    process.stdout.write(markdown);
    return args.strict && flagged.length > 0 ? 1 : 0;
  } finally {
    await stack.stop();
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

process.exitCode = await main();
