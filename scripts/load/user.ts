import { call, type LoadStats, sleep } from "./driver";

/** One simulated user: a token (or none yet: it registers and logs in first) and its sessions. */
export interface Vu {
  userId: string;
  token?: string | undefined;
  sessions: string[];
}

/** What every simulated user of one run shares. */
export interface MixWorld {
  stats: LoadStats;
  origin: string;
  /** Unique per run, for usernames. */
  run: string;
  marketIds: string[];
  hasDailyReward: boolean;
  hasLeaderboard: boolean;
}

export const words = ["bitcoin", "election", "rates", "football", "weather", "launch"];
const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T;
const password = "a long load-test passphrase";

/**
 * One user of the mixed phase, acting until `open()` turns false: every 0.2–1.2 s
 * a market list (25 %), detail (15 %), search (10 %), bet (15 %), transactions
 * (8 %), profile (5 %), session start (2 %), a poll of its own sessions (10 %),
 * the daily reward once, the leaderboard.
 */
export async function actUntilMixEnds(
  vu: Vu,
  index: number,
  world: MixWorld,
  open: () => boolean,
): Promise<void> {
  const { stats, origin, run, marketIds, hasDailyReward, hasLeaderboard } = world;
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
  while (open()) {
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
}
