import { call, type LoadStats, sleep } from "./driver";
import { buyCredits, type Economy, sendGift } from "./economy";

/** One simulated user: a token (or none yet: it registers and logs in first) and its sessions. */
export interface Vu {
  userId: string;
  /** Set once it registered over HTTP (directly created users have none). */
  username?: string | undefined;
  token?: string | undefined;
  sessions: string[];
  /** Bets it placed and may cash out (one in five of its bet rolls does). */
  bets?: string[] | undefined;
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
  /** With the credit economy on (the load test; not the soak). */
  economy?:
    | {
        economy: Economy;
        /** The package every purchase buys. */
        packageId: string;
        /** Users who register sign up through this referral link's code. */
        referralCode: string | undefined;
        /** Usernames of users who registered so far: the gifts' receivers. */
        usernames: string[];
      }
    | undefined;
}

export const words = ["bitcoin", "election", "rates", "football", "weather", "launch"];
const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T;
const password = "a long load-test passphrase";

/**
 * The mixed phase's actions and the share of rolls each takes, in roll order. A
 * status poll's roll, for a user with no session yet, and the daily reward's
 * (once per user; the leaderboard's otherwise) go to the next action.
 * `npm run capacity` models the same mix (scripts/capacity).
 */
export const mixShares = {
  "market list": 0.25,
  "market detail": 0.15,
  search: 0.1,
  bet: 0.15,
  transactions: 0.08,
  profile: 0.05,
  "session start": 0.02,
  "status poll": 0.1,
  "daily reward": 0.05,
  leaderboard: 0.05,
} as const;

/**
 * Of the bet rolls of a user holding a bet, the share that cash one out instead
 * (a quote and its acceptance; `npm run capacity` still models them as bets).
 */
const cashoutShareOfBets = 0.2;
/**
 * With the economy on, of the transactions rolls the share that send a gift
 * first, and of the profile rolls the share that buy credits first (the
 * capacity model still counts them as those reads).
 */
const giftShareOfTransactions = 0.25;
const purchaseShareOfProfile = 0.2;

/** Mean pause between one user's actions, in seconds (0.2–1.2 s, uniform). */
export const meanThinkSeconds = 0.7;

const upTo = (() => {
  let sum = 0;
  return Object.fromEntries(
    Object.entries(mixShares).map(([action, share]) => {
      sum += share;
      return [action, Math.round(sum * 100) / 100];
    }),
  ) as Record<keyof typeof mixShares, number>;
})();

/**
 * One user of the mixed phase, acting until `open()` turns false: every 0.2–1.2 s
 * one action of `mixShares`.
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
    const referralCode = world.economy?.referralCode;
    const registered = await call<{ user?: { id: string } }>(stats, origin, "register", {
      method: "POST",
      path: "/api/v1/auth/register",
      body: { username, email, password, ...(referralCode ? { referralCode } : {}) },
    });
    if (registered.status !== 201) return;
    world.economy?.usernames.push(username);
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
    vu.username = username;
    vu.userId = loggedIn.body.user?.id ?? "";
  }
  let claimed = false;
  while (open()) {
    await sleep((meanThinkSeconds - 0.5 + Math.random()) * 1000);
    const roll = Math.random();
    const token = vu.token;
    if (roll < upTo["market list"]) {
      await call(stats, origin, "market list", {
        method: "GET",
        path: "/api/v1/markets?limit=20",
      });
    } else if (roll < upTo["market detail"]) {
      await call(stats, origin, "market detail", {
        method: "GET",
        path: `/api/v1/markets/${pick(marketIds)}`,
      });
    } else if (roll < upTo.search) {
      await call(stats, origin, "search", {
        method: "GET",
        path: `/api/v1/markets?q=${pick(words)}`,
      });
    } else if (roll < upTo.bet && vu.bets?.length && Math.random() < cashoutShareOfBets) {
      // A cash-out: a quote, then its acceptance, so the end-of-run ledger check sees cash-outs.
      const betId = vu.bets.pop() as string;
      const quote = await call<{ quoteId?: string }>(stats, origin, "cash-out quote", {
        method: "GET",
        path: `/api/v1/bets/${betId}/cashout`,
        token,
      });
      if (quote.body.quoteId) {
        await call(stats, origin, "cash out", {
          method: "POST",
          path: `/api/v1/bets/${betId}/cashout`,
          token,
          body: { quoteId: quote.body.quoteId },
        });
      }
    } else if (roll < upTo.bet) {
      const placed = await call<{ bet?: { id: string } }>(stats, origin, "bet", {
        method: "POST",
        path: "/api/v1/bets",
        token,
        body: { marketId: pick(marketIds), amount: 10, side: pick(["this", "that"]) },
      });
      if (placed.body.bet) {
        vu.bets = vu.bets ?? [];
        vu.bets.push(placed.body.bet.id);
      }
    } else if (roll < upTo.transactions) {
      const economy = world.economy;
      const friend = economy?.usernames.length ? pick(economy.usernames) : undefined;
      if (friend && friend !== vu.username && Math.random() < giftShareOfTransactions) {
        await sendGift(stats, origin, token, friend, 10);
      }
      await call(stats, origin, "transactions", {
        method: "GET",
        path: "/api/v1/transactions/me",
        token,
      });
    } else if (roll < upTo.profile) {
      const economy = world.economy;
      if (economy && Math.random() < purchaseShareOfProfile) {
        await buyCredits(stats, origin, token, economy.economy, economy.packageId);
      }
      await call(stats, origin, "profile", { method: "GET", path: "/api/v1/users/me", token });
    } else if (roll < upTo["session start"]) {
      const started = await call<{ sessionId?: string }>(stats, origin, "session start", {
        method: "POST",
        path: "/api/v1/predictions/sessions",
        token,
        body: { marketId: pick(marketIds), selectedModels: ["consensus", "momentum"] },
      });
      if (started.body.sessionId) vu.sessions.push(started.body.sessionId);
    } else if (roll < upTo["status poll"] && vu.sessions.length > 0) {
      await call(stats, origin, "status poll", {
        method: "GET",
        path: `/api/v1/predictions/sessions/${pick(vu.sessions)}`,
        token,
      });
    } else if (roll < upTo["daily reward"] && hasDailyReward && !claimed) {
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
