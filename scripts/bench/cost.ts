/**
 * The cost model of docs/performance.md, from a bench run's measured request
 * counts, capacity units and latencies. Unit prices: AWS public list prices,
 * us-east-1, on-demand, as of `pricesAsOf` (not fetched at run time: no network
 * here). Change them in this one table.
 */
export const prices = {
  pricesAsOf: "2025-06 (AWS pricing pages; DynamoDB on-demand after the 2024-11-01 cut)",
  region: "us-east-1",
  dynamoWritePerMillionUnits: 0.625,
  dynamoReadPerMillionUnits: 0.125,
  httpApiPerMillionRequests: 1.0,
  lambdaPerMillionRequests: 0.2,
  /** arm64, per GB-second. */
  lambdaPerGbSecond: 0.0000133334,
  /** Standard workflows, per state transition. */
  stepFunctionsPerTransition: 0.000025,
} as const;

/** sst.config.ts: arm_64, 1 GB. */
const lambdaMemoryGb = 1;

export interface OperationCostInput {
  name: string;
  readUnitsPerOp: number;
  writeUnitsPerOp: number;
  /** Billed Lambda time per request, taken as the measured p50. */
  p50Ms: number;
}

/** USD for one million of an API operation: DynamoDB units, API Gateway, Lambda requests and time. */
export function costPerMillion(op: OperationCostInput) {
  const dynamo =
    op.readUnitsPerOp * prices.dynamoReadPerMillionUnits +
    op.writeUnitsPerOp * prices.dynamoWritePerMillionUnits;
  const lambda =
    prices.lambdaPerMillionRequests +
    (op.p50Ms / 1000) * lambdaMemoryGb * prices.lambdaPerGbSecond * 1e6;
  const api = prices.httpApiPerMillionRequests;
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    dynamo: round(dynamo),
    lambda: round(lambda),
    api: round(api),
    total: round(dynamo + lambda + api),
  };
}

/**
 * A day of one active user, from the PRD's growth targets (docs/performance.md: 5
 * bets per user per day) and a browsing pattern we assume: 1 login, 20 market
 * lists, 10 market details, 3 searches, 5 bets, 3 transaction pages, 1 daily
 * reward, 1 leaderboard view, 0.5 prediction sessions with 6 status polls each.
 */
export const dailyMix: Record<string, number> = {
  login: 1,
  "market list": 20,
  "market detail": 10,
  search: 3,
  bet: 5,
  transactions: 3,
  "daily reward": 1,
  leaderboard: 1,
  "session start": 0.5,
  "status poll": 3,
};

export function costModel(
  operations: OperationCostInput[],
  session: {
    stateTransitions: number;
    taskInvocations: number;
    dynamoUnits: { read: number; write: number };
  },
) {
  const perMillion = Object.fromEntries(operations.map((op) => [op.name, costPerMillion(op)]));
  const sessionWorkflow =
    session.stateTransitions * prices.stepFunctionsPerTransition +
    session.taskInvocations *
      (prices.lambdaPerMillionRequests / 1e6 + 0.05 * lambdaMemoryGb * prices.lambdaPerGbSecond) +
    (session.dynamoUnits.read * prices.dynamoReadPerMillionUnits +
      session.dynamoUnits.write * prices.dynamoWritePerMillionUnits) /
      1e6;
  const perSession = (perMillion["session start"]?.total ?? 0) / 1e6 + sessionWorkflow;
  let perUserDay = 0;
  const missing: string[] = [];
  for (const [name, count] of Object.entries(dailyMix)) {
    const cost = perMillion[name];
    if (!cost) {
      missing.push(name);
      continue;
    }
    perUserDay += (count * cost.total) / 1e6;
  }
  perUserDay += dailyMix["session start"] ? dailyMix["session start"] * sessionWorkflow : 0;
  return {
    prices,
    perMillion,
    perPredictionSession: {
      usd: Math.round(perSession * 1e6) / 1e6,
      stateTransitions: session.stateTransitions,
    },
    per1000DauPerMonth: {
      usd: Math.round(perUserDay * 1000 * 30 * 100) / 100,
      dailyMix,
      notPriced: missing,
      excludes:
        "storage ($0.25/GB-month), CloudWatch logs and metrics, data transfer, the free tier",
    },
  };
}
