import { z } from "zod";

const integer = (fallback: number) => z.coerce.number().int().nonnegative().default(fallback);

/**
 * Every setting the product reads from the environment, parsed once. Limits,
 * costs and amounts live here and nowhere else.
 */
export const configSchema = z.object({
  STAGE: z.string().default("local"),
  TABLE_NAME: z.string().min(1).default("market-local"),
  /** Set to reach DynamoDB Local or another non-AWS DynamoDB. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().default("us-east-1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().default(".data"),
  LOG_LEVEL: z.enum(["DEBUG", "INFO", "WARN", "ERROR", "SILENT"]).default("INFO"),
  /** Highest balance an account may hold (architecture, ledger rule 1). */
  BALANCE_CAP: integer(1_000_000),
  SIGNUP_BONUS: integer(1_000),
  DAILY_REWARD: integer(100),
  MIN_BET: integer(10),
  MAX_BET: integer(10_000),
  MODEL_CREDIT_COST: integer(1),
  LOW_CREDIT_WARNING: integer(10),
});

export type Config = z.infer<typeof configSchema>;

/** Parses an environment; a bad value is a startup error that names the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".")}: ${issue.message}`,
    );
    throw new Error(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  return parsed.data;
}
