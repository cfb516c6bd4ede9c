import type { LanguageModel } from "ai";
import { ModelFailed, type PredictionModel } from "./types";

export interface OpenAiCompatibleModelOptions {
  id: string;
  name: string;
  /** e.g. `https://openrouter.ai/api/v1`, `https://api.openai.com/v1`, `http://localhost:11434/v1`. */
  baseURL: string;
  /** Sent as `Authorization: Bearer`. Keyless servers (Ollama, vLLM) accept any placeholder. */
  apiKey: string | undefined;
  /** The provider's model name, e.g. `openai/gpt-4o-mini` or `llama3.1:8b`. */
  modelName: string;
  creditCost: number;
  timeoutMs: number;
  /** Listed but not selectable when false; defaults to "has a key". */
  available?: boolean;
  description?: string;
  fetch?: typeof fetch;
}

/**
 * A model behind any OpenAI-compatible Chat Completions API (OpenRouter, OpenAI,
 * vLLM, Ollama). The answer is requested as JSON-schema structured output and
 * validated with the shared prediction schema. The AI SDK loads on the first
 * prediction: listing models (the API) never loads it.
 */
export function createOpenAiCompatibleModel(
  options: OpenAiCompatibleModelOptions,
): PredictionModel {
  let model: LanguageModel | undefined;
  const loadModel = async () => {
    const { createOpenAICompatible } = await import("@ai-sdk/openai-compatible");
    const provider = createOpenAICompatible({
      name: "openaiCompatible",
      baseURL: options.baseURL,
      ...(options.apiKey ? { apiKey: options.apiKey } : {}),
      // Every server named above accepts `response_format: json_schema`.
      supportsStructuredOutputs: true,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    return provider.chatModel(options.modelName);
  };
  return {
    id: options.id,
    name: options.name,
    provider: "openai-compatible",
    creditCost: options.creditCost,
    available: options.available ?? Boolean(options.apiKey),
    description:
      options.description ??
      `${options.modelName} through an OpenAI-compatible API (${hostOf(options.baseURL)}).`,
    async predict(context, predictOptions = {}) {
      if (!options.apiKey) {
        throw new ModelFailed(`${options.id}: no API key configured (OPENAI_COMPATIBLE_API_KEY)`);
      }
      const { generatePrediction } = await import("./remote");
      model ??= await loadModel();
      return generatePrediction(
        {
          modelId: options.id,
          model,
          timeoutMs: options.timeoutMs,
          // Not strict: OpenAI's strict mode rejects some keywords our schema uses
          // (string lengths); we validate the answer ourselves anyway.
          providerOptions: { openaiCompatible: { strictJsonSchema: false } },
        },
        context,
        predictOptions,
      );
    },
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
