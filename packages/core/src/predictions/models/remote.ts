import {
  APICallError,
  EmptyResponseBodyError,
  generateText,
  InvalidResponseDataError,
  JSONParseError,
  type LanguageModel,
  LoadAPIKeyError,
  LoadSettingError,
  NoObjectGeneratedError,
  Output,
  TypeValidationError,
} from "ai";
import { buildPredictionPrompt, predictionSystemPrompt } from "./prompt";
import {
  type MarketContext,
  ModelFailed,
  type Prediction,
  type PredictOptions,
  predictionSchema,
  TransientModelError,
} from "./types";

type ProviderOptions = NonNullable<Parameters<typeof generateText>[0]["providerOptions"]>;

export interface RemoteCall {
  /** Our model id, for error messages. */
  modelId: string;
  model: LanguageModel;
  timeoutMs: number;
  providerOptions?: ProviderOptions;
}

const maxDetailChars = 300;

/**
 * Asks a remote model for a structured prediction and validates it with the
 * shared schema. One attempt only (`maxRetries: 0`): retries belong to the
 * workflow, which counts them, backs off and charges nothing extra.
 */
export async function generatePrediction(
  call: RemoteCall,
  context: MarketContext,
  options: PredictOptions,
): Promise<Prediction> {
  const timeout = AbortSignal.timeout(call.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  try {
    const result = await generateText({
      model: call.model,
      system: predictionSystemPrompt,
      prompt: buildPredictionPrompt(context),
      output: Output.object({
        schema: predictionSchema,
        name: "prediction",
        description: "A probability forecast for a binary prediction market",
      }),
      maxRetries: 0,
      abortSignal: signal,
      ...(call.providerOptions ? { providerOptions: call.providerOptions } : {}),
    });
    // The SDK validated already; parsing again keeps this function's promise
    // independent of how a future SDK version reports a mismatch.
    const parsed = predictionSchema.safeParse(result.output);
    if (!parsed.success) {
      throw new ModelFailed(`${call.modelId}: answer does not match the prediction schema`);
    }
    return parsed.data;
  } catch (error) {
    throw toModelError(error, {
      modelId: call.modelId,
      timeout,
      timeoutMs: call.timeoutMs,
      signal: options.signal,
    });
  }
}

function detail(text: string | undefined): string {
  if (!text) return "";
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > maxDetailChars ? `${oneLine.slice(0, maxDetailChars)}…` : oneLine;
}

/**
 * Sorts an AI SDK failure into the two errors the workflow understands.
 *
 * Transient: timeouts and aborts, network failures, 408/409/429 and 5xx.
 * Failed: other 4xx (a bad key, an unknown model, a request the API refuses),
 * missing credentials, and output that does not parse or validate. Output is
 * requested in the provider's JSON-schema mode, so an answer that still does not
 * validate usually means the model or endpoint does not support structured
 * output; retrying would spend the session's time budget for the same result.
 * Anything unrecognised is treated as failed rather than retried blindly.
 */
export function toModelError(
  error: unknown,
  call: {
    modelId: string;
    timeout: AbortSignal;
    timeoutMs: number;
    signal?: AbortSignal | undefined;
  },
): TransientModelError | ModelFailed {
  if (error instanceof TransientModelError || error instanceof ModelFailed) return error;
  const { modelId } = call;
  // Checked first: an abort surfaces as whatever the fetch happened to be doing.
  if (call.timeout.aborted) {
    return new TransientModelError(`${modelId}: no answer within ${call.timeoutMs} ms`, {
      cause: error,
    });
  }
  if (call.signal?.aborted) {
    return new TransientModelError(`${modelId}: the call was aborted`, { cause: error });
  }
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    const message = detail(error.message);
    if (status === undefined) {
      return error.isRetryable
        ? new TransientModelError(`${modelId}: network error: ${message}`, { cause: error })
        : new ModelFailed(`${modelId}: unusable response: ${message}`, { cause: error });
    }
    if (status === 408 || status === 409 || status === 429 || status >= 500) {
      return new TransientModelError(`${modelId}: HTTP ${status}: ${message}`, { cause: error });
    }
    if (status === 401 || status === 403) {
      return new ModelFailed(
        `${modelId}: HTTP ${status}, the provider refused the credentials: ${message}`,
        {
          cause: error,
        },
      );
    }
    return new ModelFailed(`${modelId}: HTTP ${status}: ${message}`, { cause: error });
  }
  if (
    NoObjectGeneratedError.isInstance(error) ||
    TypeValidationError.isInstance(error) ||
    JSONParseError.isInstance(error) ||
    InvalidResponseDataError.isInstance(error)
  ) {
    return new ModelFailed(
      `${modelId}: the answer is not a valid prediction: ${detail((error as Error).message)}`,
      {
        cause: error,
      },
    );
  }
  if (LoadAPIKeyError.isInstance(error) || LoadSettingError.isInstance(error)) {
    return new ModelFailed(`${modelId}: not configured: ${detail(error.message)}`, {
      cause: error,
    });
  }
  if (EmptyResponseBodyError.isInstance(error)) {
    return new TransientModelError(`${modelId}: empty response body`, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ModelFailed(`${modelId}: ${detail(message)}`, { cause: error });
}
