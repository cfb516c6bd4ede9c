import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { createContext, ensureTable } from "@market/core";
import { issueAccessToken } from "@market/core/auth/access-token";
import { createKeyring } from "@market/core/auth/signing-keys";
import { openAccount } from "@market/core/ledger";
import { createMarket } from "@market/core/markets";
import type { AppDeps } from "@market/functions/app";
import { createApp } from "@market/functions/app";
import autocannon from "autocannon";
import { countDynamoCalls } from "./db-calls";

export interface BetBenchOptions {
  users: number;
  betsPerUser: number;
  connections: number;
}

/**
 * Bet placement through the real HTTP app on loopback: latency percentiles,
 * throughput, and DynamoDB requests per bet (counted at the SDK).
 */
export async function benchBets(deps: Omit<AppDeps, "keys">, options: BetBenchOptions) {
  const keys = createKeyring([{ kid: "bench", secret: new TextEncoder().encode("b".repeat(48)) }]);
  const core = createContext({ db: deps.db, config: deps.config });
  await ensureTable(deps.db);
  const market = await createMarket(core, {
    title: "Benchmark market",
    description: "",
    thisOption: "Yes",
    thatOption: "No",
    thisOdds: 0.55,
    thatOdds: 0.45,
    expiresAt: "2099-01-01T00:00:00Z",
  });
  const tokens: string[] = [];
  for (let index = 0; index < options.users; index++) {
    const userId = `bench-${Date.now()}-${index}`;
    await openAccount(core, {
      userId,
      openingGrant: { amount: 100_000, type: "admin_grant", reason: "bench" },
    });
    tokens.push(await issueAccessToken(keys, { userId, role: "user" }, new Date(), 3600));
  }

  const calls = countDynamoCalls(deps.db);
  const server = createAdaptorServer({ fetch: createApp({ ...deps, keys }).fetch });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const amount = Number(deps.config.MIN_BET);
  const requests = tokens.map((token) => ({
    method: "POST" as const,
    path: "/api/v1/bets",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ marketId: market.marketId, amount, side: "this" }),
  }));
  let next = 0;
  const total = options.users * options.betsPerUser;
  calls.reset();
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections: options.connections,
        amount: total,
        requests: [
          {
            setupRequest: (request) => ({ ...request, ...requests[next++ % requests.length] }),
          },
        ],
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
  server.close();
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) =>
    Math.round(
      (latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0) *
        100,
    ) / 100;
  const perBet = calls.snapshot();
  const ok = result["2xx"];
  return {
    bets: total,
    succeeded: ok,
    non2xx: result.non2xx,
    latencyMs: {
      p50: percentile(50),
      p95: percentile(95),
      p99: percentile(99),
      max: result.latency.max,
    },
    throughputPerSecond: result.requests.average,
    dynamoCallsPerBet: Object.fromEntries(
      Object.entries(perBet).map(([command, count]) => [
        command,
        Math.round((count / ok) * 100) / 100,
      ]),
    ),
    dynamoCallsPerBetTotal: Math.round((calls.total() / ok) * 100) / 100,
  };
}
