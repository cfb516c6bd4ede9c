import { type Config, configSchema } from "@market/core/config";

/**
 * App settings a stage fixes at deploy time, typed by the app's own config
 * schema (`packages/core/src/config.ts`): what is not given here takes the
 * schema's default, in the stacks and in the Lambdas alike. Local-only
 * settings (ports, data dir, DynamoDB endpoint, fault injection) and the ones
 * the stacks set themselves (table name, ARNs, JWT secret) are not stage settings.
 */
export type AppSettings = Partial<Omit<Config, (typeof notStageSettings)[number]>>;

/** Settings a stage does not give: local-only ones, and those the stacks set themselves. */
export const notStageSettings = [
  "STAGE",
  "TABLE_NAME",
  "DYNAMODB_ENDPOINT",
  "AWS_REGION",
  "PORT",
  "HOST",
  "DATA_DIR",
  "JWT_SECRET",
  "EDGE_ORIGIN_SECRET",
  "EMAIL_TRANSPORT",
  "SETTLEMENT_STATE_MACHINE_ARN",
  "SESSION_STATE_MACHINE_ARN",
  "MARKET_SYNC_INTERVAL_SECONDS",
  "RESOLUTION_POLL_INTERVAL_SECONDS",
  "ODDS_REFRESH_INTERVAL_SECONDS",
  "RANKING_INTERVAL_SECONDS",
  "RECONCILE_INTERVAL_SECONDS",
  "SESSION_SWEEP_INTERVAL_SECONDS",
  "MODEL_FAULTS",
  "WORKFLOW_FAULTS",
  // Given under `models`, or set by AWS and SST themselves.
  "OPENAI_COMPATIBLE_BASE_URL",
  "OPENAI_COMPATIBLE_API_KEY",
  "OPENAI_COMPATIBLE_MODELS",
  "BEDROCK_REGION",
  "BEDROCK_MODELS",
  "DISABLED_MODELS",
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_BEARER_TOKEN_BEDROCK",
  "SST_APP",
  "SST_SSM_PREFIX",
  "SST_Secret_value_OPENAI_COMPATIBLE_API_KEY",
] as const;

/**
 * Remote prediction models (parsed by `modelSettingsSchema` in
 * `packages/core/src/config.ts`, built by the model registry). The OpenAI-compatible
 * key is the SST secret `OPENAI_COMPATIBLE_API_KEY`, never a setting.
 */
export interface ModelSettings {
  OPENAI_COMPATIBLE_BASE_URL?: string;
  /** `id=model-name,...` */
  OPENAI_COMPATIBLE_MODELS?: string;
  BEDROCK_REGION?: string;
  /** `id=model-id,...` */
  BEDROCK_MODELS?: string;
  /** Model ids listed but not selectable, comma-separated. */
  DISABLED_MODELS?: string;
}

/**
 * The CloudFront distribution in front of the app and its API (`stacks/Web.ts`,
 * `infra/edge.ts`) and its WAF web ACL.
 */
export interface EdgeSettings {
  /**
   * The site's own name (`market.example.com`), app and API alike; unset: the
   * distribution's `*.cloudfront.net` name. Needs `certificateArn`; the DNS
   * record is yours to add (docs/deploy.md "Custom domain").
   */
  domainName?: string;
  /** An ACM certificate for `domainName`, in us-east-1 (the only region CloudFront takes). */
  certificateArn?: string;
  /**
   * A web ACL of scope CLOUDFRONT made elsewhere (in us-east-1). Unset: the Web
   * stack makes one, which it can only do when the stage's region is us-east-1.
   */
  webAclArn?: string;
  /** WAF blocks an IP address past this many requests in 5 minutes (a backstop to the app's own limits). */
  requestsPerIpPer5Minutes: number;
  /** WAF blocks an `Authorization` header past this many `/api/*` requests in 5 minutes. */
  requestsPerTokenPer5Minutes: number;
}

/**
 * WAF's backstop limits, above the app's own: 600 anonymous reads a minute per
 * IP is 3,000 in 5 minutes, 100 requests a minute per user is 500.
 */
export const edgeRateLimits = {
  requestsPerIpPer5Minutes: 6_000,
  requestsPerTokenPer5Minutes: 1_500,
} as const satisfies Partial<EdgeSettings>;

/** Everything one stage decides, in its `stages/<stage>.ts`. */
export interface StageSettings {
  /** `retain`: the table, JWT secret and logs outlive the stack, the table refuses deletion. */
  data: "retain" | "destroy";
  /** Days every log group keeps its events. */
  logRetentionDays: 30 | 365;
  /** Who gets the alarms (an SNS email subscription, confirmed from the first email). */
  alarmEmail?: string;
  /** API Gateway stage throttling for the whole HTTP API. */
  apiThrottle: { ratePerSecond: number; burst: number };
  edge: EdgeSettings;
  /**
   * Raise it after putting a new value in the JWT or edge-origin secret
   * (docs/deploy.md "Rotate the JWT secret"): CloudFormation reads a secret
   * when it updates the resource using it, and this change makes it update
   * the API Lambda. Unset: 1.
   */
  secretsGeneration?: number;
  /**
   * Serve this existing table instead of the stage's own: a table restored
   * from a backup or a point in time (docs/deploy.md "Restore"). Unset: the
   * table the Storage stack made.
   */
  tableName?: string;
  /**
   * The stream of `tableName` (`aws dynamodb describe-table … LatestStreamArn`),
   * which the derived-data consumer reads. Required with `tableName`.
   */
  tableStreamArn?: string;
  app: AppSettings;
  models: ModelSettings;
}

/** `["a@b.c"]` → `"a@b.c"`: the environment form `loadConfig` parses back. */
function asEnvironmentValue(value: unknown): string {
  return Array.isArray(value) ? value.join(",") : String(value);
}

/**
 * The stage's settings as Lambda environment variables, after checking them
 * with the app's schema: a bad value fails the synth (and so the deploy) with
 * the variable's name, not the first request.
 */
export function appEnvironment(stage: StageSettings): Record<string, string> {
  const entries = Object.entries({ ...stage.app, ...stage.models }).flatMap(([name, value]) =>
    value === undefined ? [] : [[name, asEnvironmentValue(value)] as const],
  );
  const environment = Object.fromEntries(entries);
  const parsed = configSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".")}: ${issue.message}`,
    );
    throw new Error(`Invalid stage settings:\n  ${problems.join("\n  ")}`);
  }
  return environment;
}

/** The config every Lambda of the stage runs with (schema defaults filled in). */
export function stageConfig(stage: StageSettings): Config {
  return configSchema.parse(appEnvironment(stage));
}
