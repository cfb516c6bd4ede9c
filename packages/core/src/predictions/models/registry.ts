import { InvalidModelConfiguration, type ModelSettings } from "../../config";
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

export { InvalidModelConfiguration };

/** The built-in forecasters, in the order the product lists them. */
export const localModels: readonly LocalModelDefinition[] = [
  consensusModel,
  momentumModel,
  baseRateModel,
];

/**
 * Builds the model registry from configuration: the three offline forecasters
 * always, plus any OpenAI-compatible and Bedrock models configured. A remote
 * model without a key is listed as unavailable rather than failing startup.
 * Fault injection is not applied here: the caller wraps a model with
 * `withFaults` where it knows the attempt number.
 * Settings are parsed with the rest of the configuration (`config.ts`); what only
 * makes sense together (a model list needs its base URL) is checked here, and
 * throws `InvalidModelConfiguration` naming the variable.
 */
export function loadModelRegistry(config: ModelSettings): ModelRegistry {
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
