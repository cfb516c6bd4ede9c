import {
  type MarketContext,
  type Prediction,
  type PredictionModel,
  type PredictOptions,
  TransientModelError,
} from "../types";

export interface LocalModelDefinition {
  id: string;
  name: string;
  description: string;
  forecast: (context: MarketContext) => Prediction;
}

/**
 * Wraps a pure forecaster as a `PredictionModel`. The forecast itself is
 * synchronous and deterministic; only an already-aborted signal stops it, as a
 * remote model would be stopped.
 */
export function createLocalModel(
  definition: LocalModelDefinition,
  settings: { creditCost: number; available: boolean },
): PredictionModel {
  return {
    id: definition.id,
    name: definition.name,
    description: definition.description,
    provider: "local",
    creditCost: settings.creditCost,
    available: settings.available,
    async predict(context: MarketContext, options: PredictOptions = {}) {
      if (options.signal?.aborted) {
        throw new TransientModelError(`Model ${definition.id} was aborted before it started`);
      }
      return definition.forecast(context);
    },
  };
}
