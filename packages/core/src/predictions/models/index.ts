export { type BedrockCredentials, type BedrockModelOptions, createBedrockModel } from "./bedrock";
export {
  type FaultOptions,
  faultFor,
  InvalidModelFaults,
  type ModelFault,
  type ModelFaultRule,
  type ModelFaultRules,
  parseModelFaults,
  withFaults,
} from "./faults";
export { type BaseRateEstimate, estimateBaseRate, forecastBaseRate } from "./local/base-rate";
export {
  type ConsensusEstimate,
  correctFavouriteLongshot,
  estimateConsensus,
  forecastConsensus,
} from "./local/consensus";
export { createLocalModel, type LocalModelDefinition } from "./local/local-model";
export { forecastMomentum } from "./local/momentum";
export {
  createOpenAiCompatibleModel,
  type OpenAiCompatibleModelOptions,
} from "./openai-compatible";
export { buildPredictionPrompt, predictionSystemPrompt } from "./prompt";
export {
  createModelRegistry,
  InvalidModelConfiguration,
  loadModelRegistry,
  localModels,
  type ModelRegistry,
} from "./registry";
export {
  type MarketContext,
  ModelFailed,
  type ModelInfo,
  type ModelProvider,
  marketContextSchema,
  modelProviders,
  type Prediction,
  type PredictionModel,
  type PredictOptions,
  predictionSchema,
  TransientModelError,
} from "./types";
