import { Entity, type EntityItem } from "electrodb";
import { sides } from "../sides";

export const modelRunStates = ["queued", "running", "completed", "failed"] as const;
export type ModelRunState = (typeof modelRunStates)[number];

/**
 * One model's run in a session and, once it completed, its forecast. `attempts`
 * counts starts across retries (which may run in another process), and the
 * Brier score is set when the market resolves.
 */
export const Prediction = new Entity({
  model: { entity: "prediction", version: "1", service: "market" },
  attributes: {
    sessionId: { type: "string", required: true, readOnly: true },
    modelId: { type: "string", required: true, readOnly: true },
    position: { type: "number", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
    marketId: { type: "string", required: true, readOnly: true },
    state: { type: modelRunStates, required: true },
    attempts: { type: "number", required: true, default: 0 },
    error: { type: "string" },
    probability: { type: "number" },
    outcome: { type: sides },
    confidence: { type: "number" },
    reasoning: { type: "string" },
    keyFactors: { type: "list", items: { type: "string" } },
    /** How the model works, technical terms allowed (the reasoning is plain language). */
    method: { type: "string" },
    /**
     * The market's own probability of "this" (its mirrored odds, normalised) when
     * the model was asked: what the forecast is scored against. Absent on forecasts
     * made before it was kept.
     */
    marketProbability: { type: "number" },
    latencyMs: { type: "number" },
    brierScore: { type: "number" },
    /** The market's Brier score on the same outcome, set with `brierScore`. */
    marketBrierScore: { type: "number" },
    startedAt: { type: "string" },
    completedAt: { type: "string" },
  },
  indexes: {
    bySession: {
      collection: "session",
      pk: { field: "pk", composite: ["sessionId"] },
      sk: { field: "sk", composite: ["modelId"] },
    },
    byMarket: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["marketId"] },
      sk: { field: "gsi1sk", composite: ["sessionId", "modelId"] },
    },
  },
});

export type PredictionItem = EntityItem<typeof Prediction>;
