import type { LanguageModel } from "ai";
import type { PredictionModel } from "./types";

export interface BedrockCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | undefined;
}

export interface BedrockModelOptions {
  id: string;
  name: string;
  /** Bedrock model or inference-profile id, e.g. `amazon.nova-lite-v1:0`. */
  modelId: string;
  region: string;
  creditCost: number;
  timeoutMs: number;
  /**
   * Unset: the provider reads `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and
   * `AWS_SESSION_TOKEN`, which Lambda sets from the function's role.
   */
  credentials?: BedrockCredentials | undefined;
  /** Listed but not selectable when false (defaults to true). */
  available?: boolean;
  description?: string;
  /** Another Bedrock runtime endpoint (VPC endpoint, or a test server). */
  baseURL?: string | undefined;
  fetch?: typeof fetch;
}

/**
 * A model on Amazon Bedrock through the Converse API, signed with SigV4. The
 * provider asks for structured output natively where the model supports it and
 * through a forced "json" tool otherwise; either way the answer is validated with
 * the shared prediction schema.
 */
export function createBedrockModel(options: BedrockModelOptions): PredictionModel {
  let model: LanguageModel | undefined;
  // The AI SDK loads on the first prediction: listing models never loads it.
  const loadModel = async () => {
    const { createAmazonBedrock } = await import("@ai-sdk/amazon-bedrock");
    const provider = createAmazonBedrock({
      region: options.region,
      ...(options.credentials
        ? {
            accessKeyId: options.credentials.accessKeyId,
            secretAccessKey: options.credentials.secretAccessKey,
            ...(options.credentials.sessionToken
              ? { sessionToken: options.credentials.sessionToken }
              : {}),
          }
        : {}),
      ...(options.baseURL ? { baseURL: options.baseURL } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    return provider.languageModel(options.modelId);
  };
  return {
    id: options.id,
    name: options.name,
    provider: "bedrock",
    creditCost: options.creditCost,
    available: options.available ?? true,
    description: options.description ?? `${options.modelId} on Amazon Bedrock (${options.region}).`,
    async predict(context, predictOptions = {}) {
      const { generatePrediction } = await import("./remote");
      model ??= await loadModel();
      return generatePrediction(
        { modelId: options.id, model, timeoutMs: options.timeoutMs },
        context,
        predictOptions,
      );
    },
  };
}
