import { z } from "zod";
import { createBedrockModel } from "./bedrock";
import { baseRateModel } from "./local/base-rate";
import { consensusModel } from "./local/consensus";
import { createLocalModel, type LocalModelDefinition } from "./local/local-model";
import { momentumModel } from "./local/momentum";
import { createOpenAiCompatibleModel } from "./openai-compatible";
import type { ModelInfo, PredictionModel } from "./types";

/** The models a session can choose from. */
export interface ModelRegistry {
  /** Every configured model, selectable or not, as plain data. */
  list(): ModelInfo[];
  /** A model by id, including unavailable ones (callers check `available`). */
  get(id: string): PredictionModel | undefined;
}

/** The built-in forecasters, in the order the product lists them. */
export const localModels: readonly LocalModelDefinition[] = [
  consensusModel,
  momentumModel,
  baseRateModel,
];

/** A model configuration that cannot be used; the message names the variable. */
export class InvalidModelConfiguration extends Error {
  override name = "InvalidModelConfiguration";
}

const idPattern = /^[a-z0-9][a-z0-9-]{0,63}$/;

const blankAsUnset = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;
const optionalText = z.preprocess(blankAsUnset, z.string().trim().optional());
const idList = z.preprocess(
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
      z.array(z.string().regex(idPattern, "must be model ids (lower-case letters, digits, -)")),
    ),
);
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
          const id = equals >= 0 ? entry.slice(0, equals).trim() : slugOf(entry);
          const modelName = equals >= 0 ? entry.slice(equals + 1).trim() : entry;
          if (!idPattern.test(id) || modelName === "") {
            ctx.addIssue({
              code: "custom",
              message: `"${entry}" is not <id>=<model name> or <model name> (ids: lower-case letters, digits, -)`,
            });
          }
          return { id, modelName };
        }),
    ),
);

const modelEnvSchema = z.object({
  MODEL_CREDIT_COST: z.preprocess(
    blankAsUnset,
    z.coerce.number().int().min(0).max(1_000).default(1),
  ),
  MODEL_TIMEOUT_SECONDS: z.preprocess(
    blankAsUnset,
    z.coerce.number().positive().max(900).default(60),
  ),
  OPENAI_COMPATIBLE_BASE_URL: z.preprocess(blankAsUnset, z.url().optional()),
  OPENAI_COMPATIBLE_API_KEY: optionalText,
  OPENAI_COMPATIBLE_MODELS: modelEntries,
  BEDROCK_REGION: z.preprocess(
    blankAsUnset,
    z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, "must be an AWS region such as us-east-1")
      .optional(),
  ),
  AWS_REGION: optionalText,
  BEDROCK_MODELS: modelEntries,
  AWS_ACCESS_KEY_ID: optionalText,
  AWS_SECRET_ACCESS_KEY: optionalText,
  AWS_BEARER_TOKEN_BEDROCK: optionalText,
  DISABLED_MODELS: idList,
});

/** `openai/gpt-4o-mini` → `openai-gpt-4o-mini`: an id safe in URLs, keys and state names. */
function slugOf(modelName: string): string {
  return modelName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/, "");
}

function parseModelEnv(env: Record<string, string | undefined>) {
  const parsed = modelEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".")}: ${issue.message}`,
    );
    throw new InvalidModelConfiguration(`Invalid model configuration:\n  ${problems.join("\n  ")}`);
  }
  return parsed.data;
}

/**
 * Builds the model registry from configuration: the three offline forecasters
 * always, plus any OpenAI-compatible and Bedrock models configured. A remote
 * model without a key is listed as unavailable rather than failing startup.
 * Fault injection is not applied here: the caller wraps a model with
 * `withFaults` where it knows the attempt number.
 * Throws `InvalidModelConfiguration` naming the variable when a value is bad.
 */
export function loadModelRegistry(env: Record<string, string | undefined>): ModelRegistry {
  const config = parseModelEnv(env);
  const creditCost = config.MODEL_CREDIT_COST;
  const timeoutMs = Math.round(config.MODEL_TIMEOUT_SECONDS * 1_000);
  const disabled = new Set(config.DISABLED_MODELS);
  const models: PredictionModel[] = localModels.map((definition) =>
    createLocalModel(definition, { creditCost, available: !disabled.has(definition.id) }),
  );

  if (config.OPENAI_COMPATIBLE_MODELS.length > 0) {
    const baseURL = config.OPENAI_COMPATIBLE_BASE_URL;
    if (!baseURL) {
      throw new InvalidModelConfiguration(
        "Invalid model configuration:\n  OPENAI_COMPATIBLE_BASE_URL: required when OPENAI_COMPATIBLE_MODELS is set",
      );
    }
    const apiKey = config.OPENAI_COMPATIBLE_API_KEY;
    for (const { id, modelName } of config.OPENAI_COMPATIBLE_MODELS) {
      models.push(
        createOpenAiCompatibleModel({
          id,
          name: modelName,
          baseURL,
          apiKey,
          modelName,
          creditCost,
          timeoutMs,
          available: Boolean(apiKey) && !disabled.has(id),
        }),
      );
    }
  }

  if (config.BEDROCK_MODELS.length > 0) {
    const region = config.BEDROCK_REGION ?? config.AWS_REGION;
    if (!region) {
      throw new InvalidModelConfiguration(
        "Invalid model configuration:\n  BEDROCK_REGION: required when BEDROCK_MODELS is set (or AWS_REGION)",
      );
    }
    // Lambda puts its role's credentials in the environment; elsewhere they may be missing.
    const hasCredentials =
      Boolean(config.AWS_ACCESS_KEY_ID && config.AWS_SECRET_ACCESS_KEY) ||
      Boolean(config.AWS_BEARER_TOKEN_BEDROCK);
    for (const { id, modelName } of config.BEDROCK_MODELS) {
      models.push(
        createBedrockModel({
          id,
          name: modelName,
          modelId: modelName,
          region,
          creditCost,
          timeoutMs,
          available: hasCredentials && !disabled.has(id),
        }),
      );
    }
  }

  const ids = models.map((model) => model.id);
  const duplicates = [...new Set(ids.filter((id, index) => ids.indexOf(id) !== index))];
  if (duplicates.length > 0) {
    throw new InvalidModelConfiguration(
      `Invalid model configuration:\n  model ids must be unique, repeated: ${duplicates.join(", ")}`,
    );
  }
  const unknownDisabled = [...disabled].filter((id) => !ids.includes(id));
  if (unknownDisabled.length > 0) {
    throw new InvalidModelConfiguration(
      `Invalid model configuration:\n  DISABLED_MODELS: unknown model ${unknownDisabled.join(", ")}`,
    );
  }

  return createModelRegistry(models);
}

/** A registry over the given models, in that order; tests use it with models of their own. */
export function createModelRegistry(models: readonly PredictionModel[]): ModelRegistry {
  const byId = new Map(models.map((model) => [model.id, model]));
  return {
    list: () =>
      models.map(({ id, name, provider, creditCost, available, description }) => ({
        id,
        name,
        provider,
        creditCost,
        available,
        description,
      })),
    get: (id) => byId.get(id),
  };
}
