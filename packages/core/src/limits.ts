import type { Config } from "./config";
import type { RateLimitRule } from "./rate-limit";

const minute = 60;
const hour = 60 * minute;
const day = 24 * hour;

/**
 * Every limit the product applies, built from the configuration (the numbers and
 * their defaults live in `config.ts`; the rules they serve in
 * docs/product-rules.md). A rule's `name` is stored in its counter's key, so
 * renaming a rule starts its counts afresh.
 */
export function limitsOf(config: Config): Limits {
  let limits = cache.get(config);
  if (!limits) {
    limits = buildLimits(config);
    cache.set(config, limits);
  }
  return limits;
}

function buildLimits(config: Config) {
  return {
    rateLimits: {
      /** Account creation, per client IP. */
      register: { name: "register", limit: config.REGISTER_PER_IP_PER_HOUR, windowSeconds: hour },
      /** Login attempts, per client IP. */
      login: { name: "login", limit: config.LOGIN_PER_IP_PER_HOUR, windowSeconds: hour },
      /** Failed logins, per account (the normalized email, known or not), whatever the IPs. */
      loginFailures: {
        name: "login-failures",
        limit: config.LOGIN_FAILURES_PER_ACCOUNT_PER_HOUR,
        windowSeconds: hour,
      },
      /** Password reset requests, per client IP or per email (the subject tells them apart). */
      passwordReset: {
        name: "password-reset",
        limit: config.PASSWORD_RESET_PER_HOUR,
        windowSeconds: hour,
      },
      /** Setting a new password with a reset token, per client IP. */
      passwordResetConfirm: {
        name: "password-reset-confirm",
        limit: config.PASSWORD_RESET_CONFIRM_PER_IP_PER_HOUR,
        windowSeconds: hour,
      },
      /**
       * Every authenticated request without a limit of its own, per user: counted
       * in the process (`tier: "process"`), so a read writes nothing.
       */
      requests: {
        name: "requests",
        limit: config.REQUESTS_PER_USER_PER_MINUTE,
        windowSeconds: minute,
        tier: "process",
      },
      /** Public market reads, per client IP, counted in the process. */
      anonymousReads: {
        name: "anonymous-reads",
        limit: config.ANONYMOUS_READS_PER_IP_PER_MINUTE,
        windowSeconds: minute,
        tier: "process",
      },
      /** Password changes (each one a password hash), per user. */
      passwordChangePerUser: {
        name: "password-change-user",
        limit: config.PASSWORD_CHANGE_PER_USER_PER_HOUR,
        windowSeconds: hour,
      },
      /** Password changes, per client IP. */
      passwordChangePerIp: {
        name: "password-change-ip",
        limit: config.PASSWORD_CHANGE_PER_IP_PER_HOUR,
        windowSeconds: hour,
      },
      /** Verification links asked for again, per user. */
      emailVerification: {
        name: "email-verification",
        limit: config.EMAIL_VERIFICATION_PER_USER_PER_HOUR,
        windowSeconds: hour,
      },
      /** Bets, per user. */
      bets: { name: "bets", limit: config.BETS_PER_USER_PER_MINUTE, windowSeconds: minute },
      /** Credits sent to another user (gifting), per sender: counted in the transfer's transaction. */
      transfers: {
        name: "transfers",
        limit: config.TRANSFERS_PER_USER_PER_MINUTE,
        windowSeconds: minute,
      },
      /** Prediction sessions started, per user and hour. */
      predictionSessionsPerHour: {
        name: "prediction-sessions-hour",
        limit: config.PREDICTION_SESSIONS_PER_HOUR,
        windowSeconds: hour,
      },
      /** Prediction sessions started, per user and day. */
      predictionSessionsPerDay: {
        name: "prediction-sessions-day",
        limit: config.PREDICTION_SESSIONS_PER_DAY,
        windowSeconds: day,
      },
      /** Analytics events (`POST /events`), per signed-in user or, anonymous, per client IP. */
      events: {
        name: "events",
        limit: config.EVENTS_PER_MINUTE,
        windowSeconds: minute,
        tier: "process",
      },
      /** Daily reward claims (granted or refused), per user. */
      dailyReward: {
        name: "daily-reward",
        limit: config.DAILY_REWARD_PER_USER_PER_MINUTE,
        windowSeconds: minute,
      },
    } satisfies Record<string, RateLimitRule>,
    maxModelsPerSession: config.MAX_MODELS_PER_SESSION,
    /** Items one list request reads at most past its offset (`pageQuery`). */
    listReadBudget: config.LIST_READ_BUDGET,
    /** Searchable words of a market search. */
    searchMaxWords: config.SEARCH_MAX_WORDS,
    /** The one bound on password hashing per process (login, register, change, reset). */
    passwordHashing: {
      concurrency: config.PASSWORD_HASH_CONCURRENCY,
      maxWaitMs: config.PASSWORD_HASH_QUEUE_WAIT_MS,
      maxQueued: config.PASSWORD_HASH_QUEUE_LENGTH,
      maxQueuedPerClient: config.PASSWORD_HASH_QUEUE_PER_CLIENT,
    },
  } as const;
}

export type Limits = ReturnType<typeof buildLimits>;

/** A list's page size: the default and the most one request may ask for. */
export interface PageSize {
  default: number;
  max: number;
}

/**
 * Page sizes of the lists (docs/product-rules.md#lists). These are the API's
 * contract and are published in its schema (the OpenAPI document), so they are
 * constants rather than environment settings.
 */
export const pageSizes = {
  markets: { default: 20, max: 100 },
  bets: { default: 20, max: 100 },
  transactions: { default: 50, max: 200 },
  rewards: { default: 20, max: 100 },
  leaderboard: { default: 100, max: 1_000 },
  sessions: { default: 20, max: 50 },
  adminUsers: { default: 20, max: 100 },
  audit: { default: 50, max: 200 },
  notifications: { default: 20, max: 100 },
} as const satisfies Record<string, PageSize>;

/**
 * The largest `offset` a list accepts; a deeper page follows `nextCursor`. An
 * offset costs reading the items it skips, so it is bounded.
 */
export const maxListOffset = 10_000;
/** The name of a rate limit in `limitsOf(config).rateLimits`. */
export type RateLimitName = keyof Limits["rateLimits"];

const cache = new WeakMap<Config, Limits>();

/**
 * The most open positions a portfolio read values (`GET /users/me/portfolio`):
 * its Query asks for this many pending bets and its BatchGetItem for their
 * markets, so the read stays two round trips. A portfolio with more says
 * `truncated` and values the newest.
 */
export const maxPortfolioPositions = 500;

/**
 * A public portfolio's latest results: the settled or cashed-out ones among a
 * user's `read` newest bets (one Query page), `shown` at most.
 */
export const publicRecentResults = { read: 30, shown: 10 } as const;

/**
 * Weeks one credit-flows read (`GET /users/me/credit-flows`) covers: the
 * default and the most (one Query of at most this many items). Published in
 * the API's schema, so constants; `CREDIT_FLOW_WEEKS_KEPT` says how long the
 * weeks are kept.
 */
export const creditFlowWeeks = { default: 12, max: 26 } as const;

/** The spans a portfolio's history covers (`GET /users/me/portfolio?range=`); `all` starts at signup. */
export const portfolioRanges = ["1w", "1m", "all"] as const;
export type PortfolioRange = (typeof portfolioRanges)[number];

const hourMs = 60 * 60 * 1000;
const dayMs = 24 * hourMs;

/**
 * The history of a portfolio's total (docs/product-rules.md#portfolio): one
 * point every `stepMs` of its range back from now, at most `maxPoints` (`all`
 * steps daily, or by as many whole weeks as keep it under `maxPoints`). Its
 * reads are bounded: the user's newest `maxLedgerEntries` ledger entries (read
 * back to the range's start), their newest `maxBets` bets beside the pending
 * ones, and the odds histories of `maxMarkets` markets (those with the largest
 * stakes; a position on another market counts at its stake).
 */
export const portfolioHistory = {
  stepMs: { "1w": 6 * hourMs, "1m": dayMs, all: dayMs },
  allWideStepMs: 7 * dayMs,
  maxPoints: 120,
  maxLedgerEntries: 1_000,
  maxBets: 200,
  maxMarkets: 20,
} as const satisfies {
  stepMs: Record<PortfolioRange, number>;
  allWideStepMs: number;
  maxPoints: number;
  maxLedgerEntries: number;
  maxBets: number;
  maxMarkets: number;
};
