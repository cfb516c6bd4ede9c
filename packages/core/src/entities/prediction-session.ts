import { Entity, type EntityItem } from "electrodb";

export const sessionStatuses = [
  "initializing",
  "researching",
  "generating",
  "finished",
  "error",
] as const;
export type SessionStatus = (typeof sessionStatuses)[number];
export const activeSessionStatuses = ["initializing", "researching", "generating"] as const;

/**
 * A "Predict with AI" session: what the user paid (`charged`), where the
 * workflow is (`status`, `step`), and whether the credits went back
 * (`refunded`). Its per-model runs are `Prediction` items under the same key.
 */
export const PredictionSession = new Entity({
  model: { entity: "predictionSession", version: "1", service: "market" },
  attributes: {
    sessionId: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
    marketId: { type: "string", required: true, readOnly: true },
    marketTitle: { type: "string", required: true, readOnly: true },
    /** The sequence number of its `prediction_charge` entry; absent when free or before it was kept. */
    ledgerSeq: { type: "number", readOnly: true },
    selectedModels: { type: "list", items: { type: "string" }, required: true, readOnly: true },
    charged: { type: "number", required: true, readOnly: true },
    status: { type: sessionStatuses, required: true },
    step: { type: "string", required: true },
    error: { type: "string" },
    refunded: { type: "boolean", required: true, default: false },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
    completedAt: { type: "string" },
  },
  indexes: {
    byId: {
      collection: "session",
      pk: { field: "pk", composite: ["sessionId"] },
      sk: { field: "sk", composite: [] },
    },
    byUser: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["userId"] },
      sk: { field: "gsi1sk", composite: ["createdAt", "sessionId"] },
    },
    byStatus: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["status"] },
      sk: { field: "gsi2sk", composite: ["createdAt", "sessionId"] },
    },
    /** "View last run" of one market: a key condition, not a filter on the user's sessions. */
    byUserMarket: {
      index: "gsi3",
      pk: { field: "gsi3pk", composite: ["userId", "marketId"] },
      sk: { field: "gsi3sk", composite: ["createdAt", "sessionId"] },
    },
  },
});

export type PredictionSessionItem = EntityItem<typeof PredictionSession>;
