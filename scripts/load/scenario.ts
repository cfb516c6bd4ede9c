import type { CoreContext } from "@market/core";
import { issueAccessToken } from "@market/core/auth/access-token";
import type { SigningKeys } from "@market/core/auth/signing-keys";
import { placeBet } from "@market/core/bets";
import { activeSessionStatuses } from "@market/core/entities/prediction-session";
import { openAccount } from "@market/core/ledger";
import { createMarket, getMarket } from "@market/core/markets";
import { serviceFor } from "@market/core/service";
import { call, LoadStats, pool, sleep } from "./driver";

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
  log: (line: string) => void;
  /** Called as the mixed phase starts (the soak injects its faults from here). */
  onMixStarted?: (() => void) | undefined;
  /** Called once the market is resolved and its settlement runs. */
  onSettlementStarted?: ((marketId: string) => Promise<void>) | undefined;
}

export interface LoadTarget {
  origin: string;
  ctx: CoreContext;
  keys: SigningKeys;
}

interface Vu {
  userId: string;
  token?: string | undefined;
  sessions: string[];
}

const words = ["bitcoin", "election", "rates", "football", "weather", "launch"];
const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T;

/**
 * The PRD's load test (seed 002 §12.3) against a running API: `users` simulated
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
  const deadline = Date.now() + options.mixSeconds * 1000;
  options.onMixStarted?.();
  const password = "a long load-test passphrase";
  const actUntilDeadline = async (vu: Vu, index: number) => {
    if (!vu.token) {
      const username = `lr${run}${index}`;
      const email = `${username}@load.example`;
      const registered = await call<{ user?: { id: string } }>(stats, origin, "register", {
        method: "POST",
        path: "/api/v1/auth/register",
        body: { username, email, password },
      });
      if (registered.status !== 201) return;
      const loggedIn = await call<{ accessToken?: string; user?: { id: string } }>(
        stats,
        origin,
        "login",
        {
          method: "POST",
          path: "/api/v1/auth/login",
          body: { email, password },
        },
      );
      if (!loggedIn.body.accessToken) return;
      vu.token = loggedIn.body.accessToken;
      vu.userId = loggedIn.body.user?.id ?? "";
    }
    let claimed = false;
    while (Date.now() < deadline) {
      await sleep(200 + Math.random() * 1000);
      const roll = Math.random();
      const token = vu.token;
      if (roll < 0.25) {
        await call(stats, origin, "market list", {
          method: "GET",
          path: "/api/v1/markets?limit=20",
        });
      } else if (roll < 0.4) {
        await call(stats, origin, "market detail", {
          method: "GET",
          path: `/api/v1/markets/${pick(marketIds)}`,
        });
      } else if (roll < 0.5) {
        await call(stats, origin, "search", {
          method: "GET",
          path: `/api/v1/markets?q=${pick(words)}`,
        });
      } else if (roll < 0.65) {
        await call(stats, origin, "bet", {
          method: "POST",
          path: "/api/v1/bets",
          token,
          body: { marketId: pick(marketIds), amount: 10, side: pick(["this", "that"]) },
        });
      } else if (roll < 0.73) {
        await call(stats, origin, "transactions", {
          method: "GET",
          path: "/api/v1/transactions/me",
          token,
        });
      } else if (roll < 0.78) {
        await call(stats, origin, "profile", { method: "GET", path: "/api/v1/users/me", token });
      } else if (roll < 0.8) {
        const started = await call<{ sessionId?: string }>(stats, origin, "session start", {
          method: "POST",
          path: "/api/v1/predictions/sessions",
          token,
          body: { marketId: pick(marketIds), selectedModels: ["consensus", "momentum"] },
        });
        if (started.body.sessionId) vu.sessions.push(started.body.sessionId);
      } else if (roll < 0.9 && vu.sessions.length > 0) {
        await call(stats, origin, "status poll", {
          method: "GET",
          path: `/api/v1/predictions/sessions/${pick(vu.sessions)}`,
          token,
        });
      } else if (roll < 0.95 && hasDailyReward && !claimed) {
        claimed = true;
        await call(stats, origin, "daily reward", {
          method: "POST",
          path: "/api/v1/rewards/daily",
          token,
        });
      } else if (hasLeaderboard) {
        await call(stats, origin, "leaderboard", {
          method: "GET",
          path: "/api/v1/leaderboard/pnl",
        });
      } else {
        await call(stats, origin, "market list", {
          method: "GET",
          path: "/api/v1/markets?limit=20",
        });
      }
    }
  };
  await Promise.all(vus.map(actUntilDeadline));
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
  await options.onSettlementStarted?.(resolutionMarket.marketId);
  const settleDeadline = Date.now() + 15 * 60_000;
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
