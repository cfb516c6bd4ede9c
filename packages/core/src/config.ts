import { z } from "zod";

const integer = (fallback: number) => z.coerce.number().int().nonnegative().default(fallback);
const positive = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
const flag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0"])
    .default(fallback ? "true" : "false")
    .transform((value) => value === "true" || value === "1");
const list = z
  .string()
  .default("")
  .transform((value) =>
    value
      .split(",")
      .map((item) => item.trim().toLowerCase())
      .filter(Boolean),
  );

const blankAsUnset = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;
const optionalText = z.preprocess(blankAsUnset, z.string().trim().optional());
const modelIdPattern = /^[a-z0-9][a-z0-9-]{0,63}$/;
const modelIds = z.preprocess(
  blankAsUnset,
  z
    .string()
    .optional()
    .transform((value) =>
      (value ?? "")
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z.string().regex(modelIdPattern, "must be model ids (lower-case letters, digits, -)"),
      ),
    ),
);

/** `openai/gpt-4o-mini` → `openai-gpt-4o-mini`: an id safe in URLs, keys and state names. */
export function modelSlugOf(modelName: string): string {
  return modelName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/, "");
}

/** `id=model name,model name`: each entry an id and the provider's model name. */
const modelEntries = z.preprocess(
  blankAsUnset,
  z
    .string()
    .optional()
    .transform((value, ctx) =>
      (value ?? "")
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean)
        .map((entry) => {
          const equals = entry.indexOf("=");
          const id = equals >= 0 ? entry.slice(0, equals).trim() : modelSlugOf(entry);
          const modelName = equals >= 0 ? entry.slice(equals + 1).trim() : entry;
          if (!modelIdPattern.test(id) || modelName === "") {
            ctx.addIssue({
              code: "custom",
              message: `"${entry}" is not <id>=<model name> or <model name> (ids: lower-case letters, digits, -)`,
            });
          }
          return { id, modelName };
        }),
    ),
);

/** One credit package on sale: its id, the credits it grants and its price in US cents. */
export interface CreditPackage {
  id: string;
  credits: number;
  priceCents: number;
}

const packagePattern = /^([a-z0-9][a-z0-9-]{0,31}):(\d+):(\d+)$/;

/** `id:credits:cents,...`, e.g. `small:100:100,medium:550:500,large:1200:1000`. */
const creditPackages = z
  .string()
  .default("small:100:100,medium:550:500,large:1200:1000")
  .transform((value, ctx): CreditPackage[] => {
    const packages: CreditPackage[] = [];
    for (const entry of value
      .split(",")
      .map((item) => item.trim())
      .filter(Boolean)) {
      const match = packagePattern.exec(entry);
      const credits = Number(match?.[2]);
      const priceCents = Number(match?.[3]);
      if (!match || !(credits > 0) || !(priceCents >= 50)) {
        ctx.addIssue({
          code: "custom",
          message: `"${entry}" is not <id>:<credits>:<US cents> (credits > 0, at least 50 cents)`,
        });
        continue;
      }
      packages.push({ id: match[1] as string, credits, priceCents });
    }
    return packages;
  });

/**
 * The prediction models' settings, parsed here with the rest and handed to the
 * model registry (`predictions/models/registry.ts`), which builds the models.
 */
export const modelSettingsSchema = z.object({
  /** Credits one model of a session costs. */
  MODEL_CREDIT_COST: z.preprocess(
    blankAsUnset,
    z.coerce.number().int().min(0).max(1_000).default(1),
  ),
  /** A model call gives up after this long (then the workflow's Retry decides). */
  MODEL_TIMEOUT_SECONDS: z.preprocess(
    blankAsUnset,
    z.coerce.number().positive().max(900).default(60),
  ),
  OPENAI_COMPATIBLE_BASE_URL: z.preprocess(blankAsUnset, z.url().optional()),
  /** An SST secret in AWS (`secrets.ts` fills it in at cold start). */
  OPENAI_COMPATIBLE_API_KEY: optionalText,
  OPENAI_COMPATIBLE_MODELS: modelEntries,
  /** Bedrock's region; unset, AWS_REGION. */
  BEDROCK_REGION: z.preprocess(
    blankAsUnset,
    z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, "must be an AWS region such as us-east-1")
      .optional(),
  ),
  BEDROCK_MODELS: modelEntries,
  AWS_ACCESS_KEY_ID: optionalText,
  AWS_SECRET_ACCESS_KEY: optionalText,
  AWS_BEARER_TOKEN_BEDROCK: optionalText,
  /** Model ids listed but not selectable, comma-separated. */
  DISABLED_MODELS: modelIds,
});

export type ModelSettings = z.infer<typeof modelSettingsSchema> & { AWS_REGION?: string };

/** A model setting that cannot be used; the message names the variable. */
export class InvalidModelConfiguration extends Error {
  override name = "InvalidModelConfiguration";
}

/** Model settings alone, from an environment (tests and tools that build only a registry). */
export function parseModelSettings(env: Record<string, string | undefined>): ModelSettings {
  const parsed = modelSettingsSchema.safeParse(env);
  if (!parsed.success) {
    throw new InvalidModelConfiguration(
      `Invalid model configuration:\n  ${problemsOf(parsed.error)}`,
    );
  }
  return { ...parsed.data, AWS_REGION: env.AWS_REGION };
}

/**
 * SST's own variables: which secrets are bound to this function and where SSM
 * keeps them (`secrets.ts` reads them at cold start). Unset outside AWS.
 */
const platformSchema = z.object({
  SST_APP: z.string().optional(),
  SST_SSM_PREFIX: z.string().optional(),
  SST_Secret_value_OPENAI_COMPATIBLE_API_KEY: z.string().optional(),
});

const logLevelSchema = z.enum(["DEBUG", "INFO", "WARN", "ERROR", "SILENT"]);
export type LogLevel = z.infer<typeof logLevelSchema>;

/**
 * The log level of this process, read apart from the rest (the logger exists as
 * soon as it is imported, before a handler loads its configuration).
 */
export const processLogLevel: LogLevel =
  logLevelSchema.safeParse(process.env.LOG_LEVEL?.toUpperCase()).data ?? "INFO";

/**
 * Every setting the product reads from the environment, parsed once. Limits,
 * costs and amounts live here and nowhere else.
 */
const settingsSchema = z.object({
  STAGE: z.string().default("local"),
  TABLE_NAME: z.string().min(1).default("market-local"),
  /** Set to reach DynamoDB Local or another non-AWS DynamoDB. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().default("us-east-1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().default(".data"),
  LOG_LEVEL: logLevelSchema.default("INFO"),
  /** Public URL of the web app, used in links sent by email. */
  PUBLIC_URL: z.url().default("http://localhost:3000"),
  /**
   * HS256 signing secret(s) for access tokens: one secret, or `kid:secret,kid:secret`
   * with the current key first. Unset locally: a generated file under DATA_DIR is used.
   */
  JWT_SECRET: z.string().optional(),
  /** Accounts whose email is listed here are admins. */
  ADMIN_EMAILS: list,
  /** Take the client IP from X-Forwarded-For (only behind a proxy you control). */
  TRUST_FORWARDED_FOR: flag(false),
  /**
   * Set by the stacks in AWS: the value CloudFront sends in `x-cdn-origin-secret`.
   * With it, a request without it is refused (it went around the edge and its WAF)
   * and the edge's viewer address is the client IP (`http/edge.ts`).
   */
  EDGE_ORIGIN_SECRET: z.string().min(32).optional(),
  /** `outbox` writes emails under DATA_DIR/outbox; `ses` sends them with Amazon SES. */
  EMAIL_TRANSPORT: z.enum(["outbox", "ses"]).default("outbox"),
  EMAIL_FROM: z.string().default("Credits Market <no-reply@example.com>"),
  ACCESS_TOKEN_TTL_SECONDS: integer(15 * 60),
  /**
   * How long one process trusts its copy of a user's token state (generation,
   * logged-out sessions) before reading the user again: revocation reaches every
   * process within this many seconds, at one GetItem per active user per window.
   */
  TOKEN_STATE_CACHE_SECONDS: integer(5),
  /** Lifetime of the signed link that verifies an email address. */
  EMAIL_VERIFICATION_TTL_SECONDS: positive(24 * 60 * 60),
  /**
   * A password-reset request answers no sooner than this, whether the account
   * exists or not, so its timing does not tell which emails are registered.
   */
  PASSWORD_RESET_RESPONSE_MS: integer(250),
  /** Password hashes (argon2id, 19 MiB each) run at once per process; more wait in a queue. */
  PASSWORD_HASH_CONCURRENCY: positive(4),
  /** How long a password hash may wait for a slot before the request is a 503 with Retry-After. */
  PASSWORD_HASH_QUEUE_WAIT_MS: integer(2_000),
  /**
   * Password hashes that may wait for a slot per process; one more is a 503
   * AUTH_BUSY at once, so a flood is turned away instead of queuing everyone
   * (at most this many × a hash's time of waiting for a victim's login).
   */
  PASSWORD_HASH_QUEUE_LENGTH: integer(16),
  /** Of those, how many one client IP may hold (logins), so a flood leaves room for others. */
  PASSWORD_HASH_QUEUE_PER_CLIENT: integer(1),
  REFRESH_TOKEN_TTL_SECONDS: integer(7 * 24 * 60 * 60),
  PASSWORD_RESET_TTL_SECONDS: integer(30 * 60),
  /**
   * Gamma API base (e.g. https://gamma-api.polymarket.com). Unset: the sync reads
   * the bundled demo dataset, so a local run has markets offline.
   */
  POLYMARKET_GAMMA_URL: z.url().optional(),
  /**
   * CLOB API base, for each mirrored market's price history (`/prices-history`),
   * copied once into its odds snapshots. Used only with POLYMARKET_GAMMA_URL; the
   * demo data comes with invented histories.
   */
  POLYMARKET_CLOB_URL: z.url().default("https://clob.polymarket.com"),
  /** Price histories one market sync copies at most; the rest wait for the next run. */
  ODDS_BACKFILLS_PER_SYNC: integer(100),
  /** Local timers for the market jobs (AWS uses EventBridge schedules instead). */
  MARKET_SYNC_INTERVAL_SECONDS: integer(300),
  RESOLUTION_POLL_INTERVAL_SECONDS: integer(60),
  /**
   * Local timer of the odds refresh of markets with pending bets (AWS: a
   * 1-minute schedule whose run makes two passes 30 s apart).
   */
  ODDS_REFRESH_INTERVAL_SECONDS: integer(30),
  /** Local timer for the ledger reconcile job (AWS: a daily EventBridge schedule). */
  RECONCILE_INTERVAL_SECONDS: integer(24 * 60 * 60),
  /** Local timer for the stuck-session sweeper (AWS: an hourly EventBridge schedule); `0` turns it off. */
  SESSION_SWEEP_INTERVAL_SECONDS: integer(60 * 60),
  /** Set by the stack; StartExecution target for market settlement. */
  SETTLEMENT_STATE_MACHINE_ARN: z.string().optional(),
  /**
   * Rate limits (docs/product-rules.md). Each is a count per fixed window; raise
   * them for a demo or a load test. Read through `limitsOf(config)` in `limits.ts`.
   */
  REGISTER_PER_IP_PER_HOUR: positive(5),
  LOGIN_PER_IP_PER_HOUR: positive(10),
  /**
   * Failed logins per account per hour, whatever the client IPs (ASVS 2.2.1);
   * past it the account's logins are 429 until the hour ends or a password
   * reset, which the owner can always do, clears the count.
   */
  LOGIN_FAILURES_PER_ACCOUNT_PER_HOUR: positive(10),
  PASSWORD_RESET_PER_HOUR: positive(5),
  PASSWORD_RESET_CONFIRM_PER_IP_PER_HOUR: positive(10),
  PASSWORD_CHANGE_PER_USER_PER_HOUR: positive(5),
  EMAIL_VERIFICATION_PER_USER_PER_HOUR: positive(5),
  PASSWORD_CHANGE_PER_IP_PER_HOUR: positive(10),
  BETS_PER_USER_PER_MINUTE: positive(30),
  /** Every other authenticated route, per user (docs/product-rules.md#limits). */
  REQUESTS_PER_USER_PER_MINUTE: positive(100),
  /** Anonymous market reads (list, detail, odds history), per client IP. */
  ANONYMOUS_READS_PER_IP_PER_MINUTE: positive(600),
  PREDICTION_SESSIONS_PER_HOUR: positive(10),
  PREDICTION_SESSIONS_PER_DAY: positive(50),
  DAILY_REWARD_PER_USER_PER_MINUTE: positive(5),
  /** Analytics events (`POST /events`), per signed-in user or, anonymous, per client IP. */
  EVENTS_PER_MINUTE: positive(60),
  /** Models a user may pick for one prediction session. */
  MAX_MODELS_PER_SESSION: positive(5),
  /**
   * Items one list request may read past its `offset` (docs/product-rules.md#lists):
   * a filter that drops items ends the page early, with a cursor, instead of reading on.
   * At least the largest page (200) plus one.
   */
  LIST_READ_BUDGET: z.coerce.number().int().min(201).default(1_000),
  /**
   * Forecasts scored against the market a model (or a model in a category) needs
   * before its record says "better" or "worse" than the market, not "too few".
   */
  SKILL_MIN_FORECASTS: positive(10),
  /** Searchable words a market search (`q`) may hold; more is a 400 naming `q`. */
  SEARCH_MAX_WORDS: positive(6),
  /** A session's workflow gives up after this long (Step Functions TimeoutSeconds). */
  SESSION_TIMEOUT_SECONDS: integer(600),
  /** How many selected models run at once inside a session (the Map's MaxConcurrency). */
  MODEL_CONCURRENCY: integer(1),
  /** Fault injection for tests and demos, e.g. `consensus:fail,momentum:flaky:2,*:hang`. */
  MODEL_FAULTS: z.string().optional(),
  /** Fault injection for tests and demos, e.g. `crash-after:Research`. */
  WORKFLOW_FAULTS: z.string().optional(),
  /** Set by the stack; StartExecution target for prediction sessions. */
  SESSION_STATE_MACHINE_ARN: z.string().optional(),
  /** Stripe's secret key (`sk_test_…` locally); unset, purchases are off (`PURCHASES_DISABLED`). */
  STRIPE_SECRET_KEY: optionalText,
  /** The webhook endpoint's signing secret (`whsec_…`, from the dashboard or `stripe listen`). */
  STRIPE_WEBHOOK_SECRET: optionalText,
  /** Where the Stripe SDK sends its requests; unset, Stripe's own API (tests: a loopback stand-in). */
  STRIPE_API_BASE: z.preprocess(blankAsUnset, z.url().optional()),
  /** A webhook signed longer ago than this is refused as a replay (Stripe's default tolerance). */
  STRIPE_WEBHOOK_TOLERANCE_SECONDS: positive(300),
  /**
   * The credit packages on sale, `id:credits:cents` comma-separated (docs/product-rules.md;
   * $1 = 100 credits, with a little more per dollar in the larger packages).
   */
  CREDIT_PACKAGES: creditPackages,
  /** Credits one account may send others per UTC day, in total (gifting). */
  TRANSFER_MAX_PER_DAY: positive(1_000),
  /** The smallest gift. */
  TRANSFER_MIN: positive(10),
  /** An account this young may not send credits (farming new accounts for their signup bonus). */
  TRANSFER_MIN_ACCOUNT_AGE_HOURS: integer(24),
  TRANSFERS_PER_USER_PER_MINUTE: positive(10),
  /** Credits the referrer and the new user each get once the new user's first bet settles. */
  REFERRAL_BONUS: integer(100),
  /** Referral bonuses one referrer may earn per UTC calendar month. */
  REFERRAL_MAX_PER_MONTH: positive(10),
  /**
   * Unset (the default): credits never expire. Set: the daily expiry job takes
   * the balance (bought credits aside) of accounts inactive this many days.
   */
  CREDIT_EXPIRY_INACTIVE_DAYS: z.preprocess(
    blankAsUnset,
    z.coerce.number().int().min(1).optional(),
  ),
  /** With expiry on: days before an account's credits expire that it is warned (a notification). */
  CREDIT_EXPIRY_WARNING_DAYS: positive(7),
  /** Local timer of the expiry job (AWS: a daily EventBridge schedule); `0` turns it off. */
  EXPIRY_INTERVAL_SECONDS: integer(24 * 60 * 60),
  /** Highest balance an account may hold (docs/product-rules.md#credits-the-balance-cap-admin-tools-totals). */
  BALANCE_CAP: integer(1_000_000),
  /** How far an admin-created market's two odds may sum away from 1. */
  MARKET_ODDS_SUM_TOLERANCE: z.coerce.number().min(0).max(0.1).default(0.01),
  SIGNUP_BONUS: integer(1_000),
  /** Credits `npm run migrate:credits` gives each account created before credits (docs/product-rules.md). */
  MIGRATION_GRANT: integer(50),
  DAILY_REWARD: integer(100),
  MIN_BET: integer(10),
  MAX_BET: integer(10_000),
  /** Fraction of a position's current value a cash-out keeps (docs/product-rules.md#cash-out). */
  CASHOUT_FEE: z.coerce.number().min(0).max(1).default(0.05),
  /**
   * How far today's odds of a side may be from the `expectedOdds` a bet sent
   * (the price the user saw) before the bet is refused with `ODDS_CHANGED`.
   */
  ODDS_SLIPPAGE: z.coerce.number().min(0).max(1).default(0.02),
  /** How long a cash-out quote may be accepted. */
  CASHOUT_QUOTE_SECONDS: positive(15),
  /** A mirrored market's odds older than this refuse a cash-out (`ODDS_STALE`). */
  CASHOUT_MAX_ODDS_AGE_SECONDS: positive(600),
  LOW_CREDIT_WARNING: integer(10),
  /**
   * A ledger entry that takes a balance from at or above this to below it
   * leaves the user a `low_credits` notification (LOW_CREDIT_WARNING is the
   * banner the app shows while the balance stays low).
   */
  LOW_CREDIT_NOTICE: integer(5),
  /** Weeks a user's weekly credit flows (the "where my credits went" chart) are kept after the week ends. */
  CREDIT_FLOW_WEEKS_KEPT: positive(26),
  /** How long a notification is kept (its item's TTL). */
  NOTIFICATION_TTL_DAYS: positive(90),
  /** How often the web app re-reads the unread count while its tab is visible. */
  NOTIFICATION_POLL_SECONDS: z.coerce.number().min(0.1).max(600).default(30),
  /**
   * How often the web app re-reads a running prediction session (every 10–15 s
   * in production, to spare the database: docs/decisions/0007-web-app.md; a
   * test or a demo sets less).
   */
  SESSION_POLL_SECONDS: z.coerce.number().min(0.1).max(60).default(12),
  /**
   * Items each analytics counter (credits per day, model runs per day and in
   * all) is spread over: a transaction ADDs to one picked at random, so
   * concurrent transactions rarely meet on one item. The credit day counters
   * are a partition per shard, read by key: raising it is safe, lowering it
   * hides the higher shards' counts of the days already written (model-run
   * counters sum whatever shards exist).
   */
  COUNTER_SHARDS: z.coerce.number().int().min(1).max(50).default(10),
  /**
   * Gate items a market's "still takes bets" guard is spread over
   * (`markets/gate.ts`): a bet checks its user's gate, a close or resolution
   * writes them all in its transaction, so concurrent bets on one market meet
   * only when their users share a gate. A close writes the gates of the
   * number in force then, and bets check the same number, so it can change at
   * a deploy (markets closed while two releases serve are the exception).
   */
  MARKET_GATE_SHARDS: z.coerce.number().int().min(1).max(90).default(64),
  /**
   * Seconds one process answers a market list page from memory before reading
   * it again (`0`: every list reads the table). The deployed stages set a few
   * seconds: every list otherwise reads the one index partition of open markets.
   */
  MARKET_LIST_CACHE_SECONDS: integer(0),
  /**
   * Seconds one process keeps a market list's total (its counter) and the
   * earliest end date among open markets before reading them again; its own
   * market writes forget both at once (`markets/list-state.ts`).
   */
  MARKET_LIST_STATE_SECONDS: z.coerce.number().int().min(0).max(60).default(30),
  /** Local timer of the ranking job (AWS uses an EventBridge schedule); `0` turns it off. */
  RANKING_INTERVAL_SECONDS: integer(900),
  /**
   * Positions of each board the ranking job keeps as a snapshot: the largest
   * list offset (10,000) plus the largest page (1,000), so every page is one Query.
   */
  LEADERBOARD_SNAPSHOT_SIZE: positive(11_000),
});

/** The whole configuration: the product's settings, the models' and SST's. */
export const configSchema = settingsSchema
  .extend(modelSettingsSchema.shape)
  .extend(platformSchema.shape);

export type Config = z.infer<typeof configSchema>;

/** Parses an environment; a bad value is a startup error that names the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid configuration:\n  ${problemsOf(parsed.error)}`);
  }
  return parsed.data;
}

function problemsOf(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("\n  ");
}
