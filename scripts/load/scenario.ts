import type { CoreContext } from "@market/core";
import type { SigningKeys } from "@market/core/auth";
import { issueAccessToken } from "@market/core/auth";
import { placeBet } from "@market/core/bets";
import { activeSessionStatuses } from "@market/core/entities";
import { openAccount } from "@market/core/ledger";
import { createMarket, getMarket } from "@market/core/markets";
import { serviceFor } from "@market/core/service";
import { call, LoadStats, pool, sleep } from "./driver";
import type { Economy } from "./economy";
import { actUntilMixEnds, type Vu, words } from "./user";

export interface LoadOptions {
  /** Simulated users acting at once. */
  users: number;
  /** Of those, how many start by registering and logging in over HTTP (password hashing is slow). */
  authUsers: number;
  /** How long the mixed phase runs. */
  mixSeconds: number;
  /** The burst: this many bets, to be done within one minute. */
  burstBets: number;
  /** Pending bets on the market resolved at the end. */
  resolutionBets: number;
  /** How long to wait for that settlement to be done (default 15 minutes). */
  settleTimeoutMs?: number | undefined;
  log: (line: string) => void;
  /**
   * Called as the mixed phase starts (the soak injects its faults from here);
   * the phase goes on, past `mixSeconds` if need be, until what it returns settles.
   */
  onMixStarted?: ((run: LoadRun) => Promise<void> | undefined) | undefined;
  /** Purchases, gifts and referrals join the mix (the API runs with `economy.env`). */
  economy?: Economy | undefined;
  /** Called once the market is resolved and its settlement runs. */
  onSettlementStarted?: ((marketId: string, run: LoadRun) => Promise<void>) | undefined;
}

/** What the hooks act as: the run's admin (an account and a token) and its funded users. */
export interface LoadRun {
  admin: { userId: string; headers: Record<string, string> };
  users: { userId: string; token: string }[];
  marketIds: string[];
}

export interface LoadTarget {
  origin: string;
  ctx: CoreContext;
  keys: SigningKeys;
}

/**
 * The load test (docs/performance.md#load-test) against a running API: `users` simulated
 * users for `mixSeconds` doing a realistic mix (register, log in, browse,
 * search, bet, claim, start sessions, poll), then `burstBets` bets that must
 * finish within a minute, then the resolution of a market with
 * `resolutionBets` pending bets, timed until its settlement is done.
 */
export async function runLoad(target: LoadTarget, options: LoadOptions) {
  const { ctx, origin, keys } = target;
  const { log } = options;
  const run = Date.now().toString(36);
  const marketIds: string[] = [];
  for (let index = 0; index < 12; index++) {
    const market = await createMarket(ctx, {
      title: `Will ${words[index % words.length]} load market ${index} say yes?`,
      description: "Load test market",
      thisOption: "Yes",
      thatOption: "No",
      thisOdds: 0.4 + (index % 5) / 20,
      thatOdds: 0.6 - (index % 5) / 20,
      category: index % 2 ? "crypto" : "sports",
      expiresAt: "2099-01-01T00:00:00Z",
    });
    marketIds.push(market.marketId);
  }
  const adminId = `load-admin-${run}`;
  await openAccount(ctx, { userId: adminId, role: "admin" });
  const adminToken = await issueAccessToken(
    keys,
    { userId: adminId, role: "admin" },
    new Date(),
    7200,
  );
  const admin = {
    userId: adminId,
    headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
  };

  log(`creating ${options.users - options.authUsers} users directly...`);
  const vus: Vu[] = [];
  await pool(
    Array.from({ length: options.users - options.authUsers }, (_, i) => i),
    16,
    async (index) => {
      const userId = `load-${run}-${index}`;
      await openAccount(ctx, {
        userId,
        openingGrant: { amount: 1000, type: "signup_bonus", reason: "Welcome bonus" },
      });
      vus.push({
        userId,
        token: await issueAccessToken(keys, { userId, role: "user" }, new Date(), 7200),
        sessions: [],
      });
    },
  );
  const loadRun: LoadRun = {
    admin,
    users: vus.map((vu) => ({ userId: vu.userId, token: vu.token as string })),
    marketIds,
  };
  for (let index = 0; index < options.authUsers; index++) {
    vus.push({ userId: "", sessions: [] });
  }

  const stats = new LoadStats();
  // Routes other branches add (daily reward, leaderboard) join the mix once they answer.
  const probe = async (path: string, method: string) => {
    const response = await fetch(`${origin}${path}`, {
      method,
      headers: { authorization: `Bearer ${vus[0]?.token}` },
    });
    await response.arrayBuffer();
    return response.status !== 404;
  };
  const hasDailyReward = await probe("/api/v1/rewards/daily", "GET").catch(() => false);
  const hasLeaderboard = await probe("/api/v1/leaderboard/pnl", "GET").catch(() => false);

  log(`mixed phase: ${options.users} users for ${options.mixSeconds} s...`);
  let mixOpen = true;
  // A fault injection that fails ends the phase too, and the run once the users stopped.
  const mixEnded = Promise.all([sleep(options.mixSeconds * 1000), options.onMixStarted?.(loadRun)])
    .then(
      () => undefined,
      (error: unknown) => ({ error }),
    )
    .finally(() => {
      mixOpen = false;
    });
  const economy = options.economy && (await economyOf(origin, vus[0]?.token, options.economy));
  const mixWorld = { stats, origin, run, marketIds, hasDailyReward, hasLeaderboard, economy };
  await Promise.all(vus.map((vu, index) => actUntilMixEnds(vu, index, mixWorld, () => mixOpen)));
  const injection = await mixEnded;
  if (injection) throw injection.error;
  const mix = { ...stats.summary(), users: options.users, hasDailyReward, hasLeaderboard };
  log(
    `mixed phase: ${mix.requests} requests, ${mix.perSecond}/s, p95 ${mix.latencyMs.p95} ms, errors ${JSON.stringify(mix.errorsByCode)}`,
  );

  log(`burst: ${options.burstBets} bets...`);
  stats.restart();
  const bettors = vus.filter((vu) => vu.token);
  await pool(
    Array.from({ length: options.burstBets }, (_, i) => i),
    50,
    async (index) => {
      await call(stats, origin, "bet", {
        method: "POST",
        path: "/api/v1/bets",
        token: bettors[index % bettors.length]?.token,
        body: {
          marketId: marketIds[index % marketIds.length],
          amount: 10,
          side: index % 2 ? "this" : "that",
        },
      });
    },
  );
  const burstSummary = stats.summary();
  const burst = { ...burstSummary, withinOneMinute: burstSummary.seconds <= 60 };
  log(
    `burst: ${burst.requests} bets in ${burst.seconds} s, errors ${JSON.stringify(burst.errorsByCode)}`,
  );

  log(`resolution: placing ${options.resolutionBets} pending bets...`);
  const resolutionMarket = await createMarket(ctx, {
    title: "Load test: the market resolved with every pending bet",
    description: "",
    thisOption: "Yes",
    thatOption: "No",
    thisOdds: 0.5,
    thatOdds: 0.5,
    expiresAt: "2099-01-01T00:00:00Z",
  });
  let placed = 0;
  const placeFailures: Record<string, number> = {};
  await pool(
    Array.from({ length: options.resolutionBets }, (_, i) => i),
    24,
    async (index) => {
      const vu = bettors[index % bettors.length] as Vu;
      try {
        await placeBet(ctx, {
          userId: vu.userId,
          marketId: resolutionMarket.marketId,
          amount: 10,
          side: index % 3 === 0 ? "that" : "this",
        });
        placed += 1;
      } catch (error) {
        const code = (error as { code?: string }).code ?? (error as Error).name;
        placeFailures[code] = (placeFailures[code] ?? 0) + 1;
      }
    },
  );
  stats.restart();
  const resolveStarted = performance.now();
  const resolved = await call(stats, origin, "resolve", {
    method: "POST",
    path: `/api/v1/admin/markets/${resolutionMarket.marketId}/resolve`,
    token: adminToken,
    body: { resolution: "this" },
  });
  await options.onSettlementStarted?.(resolutionMarket.marketId, loadRun);
  const settleDeadline = Date.now() + (options.settleTimeoutMs ?? 15 * 60_000);
  let settlement = "pending";
  while (Date.now() < settleDeadline) {
    settlement = (await getMarket(ctx, resolutionMarket.marketId)).settlement ?? "pending";
    if (settlement === "done") break;
    await sleep(250);
  }
  const settleSeconds = (performance.now() - resolveStarted) / 1000;
  const resolution = {
    pendingBets: placed,
    placeFailures,
    resolveStatus: resolved.status,
    settlement,
    seconds: Math.round(settleSeconds * 10) / 10,
    betsPerSecond: Math.round((placed / settleSeconds) * 10) / 10,
  };
  log(
    `resolution: ${placed} bets settled in ${resolution.seconds} s (${resolution.betsPerSecond}/s), settlement ${settlement}`,
  );
  return { mix, burst, resolution };
}

/** What the mix needs to buy and refer: a package on sale and one user's referral code. */
async function economyOf(origin: string, token: string | undefined, economy: Economy) {
  const read = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${origin}${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return (await response.json()) as T;
  };
  const offer = await read<{ enabled: boolean; packages: { id: string }[] }>(
    "/api/v1/credits/packages",
  );
  const packageId = offer.packages[0]?.id;
  if (!offer.enabled || !packageId) throw new Error("purchases are off: is Stripe configured?");
  const referral = await read<{ code: string }>("/api/v1/users/me/referral");
  return { economy, packageId, referralCode: referral.code, usernames: [] as string[] };
}

/** Until no session workflow is still running (bounded); returns how many still are. */
export async function waitForSessions(ctx: CoreContext, timeoutMs: number): Promise<number> {
  const sessions = serviceFor(ctx.db).entities.predictionSession;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pages = await Promise.all(
      activeSessionStatuses.map((status) =>
        sessions.query.byStatus({ status }).go({ pages: "all" }),
      ),
    );
    const active = pages.reduce((sum, page) => sum + page.data.length, 0);
    if (active === 0 || Date.now() > deadline) return active;
    await sleep(500);
  }
}
