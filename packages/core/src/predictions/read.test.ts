import { describe, expect, it } from "vitest";
import type { PredictionItem } from "../entities/prediction";
import type { PredictionSessionItem } from "../entities/prediction-session";
import { toSessionView } from "./read";

const session = (refunded: boolean): PredictionSessionItem => ({
  sessionId: "s1",
  userId: "u1",
  marketId: "m1",
  marketTitle: "Market",
  selectedModels: ["consensus", "momentum"],
  charged: 2,
  status: "error",
  step: "Refunded",
  refunded,
  error: "timed out",
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:10:00.000Z",
});
const runs: PredictionItem[] = [
  {
    sessionId: "s1",
    modelId: "consensus",
    position: 0,
    userId: "u1",
    marketId: "m1",
    state: "completed",
    attempts: 1,
    probability: 0.7,
    outcome: "this",
    confidence: 0.6,
    reasoning: "r",
    keyFactors: [],
  },
  {
    sessionId: "s1",
    modelId: "momentum",
    position: 1,
    userId: "u1",
    marketId: "m1",
    state: "running",
    attempts: 1,
  },
];

describe("a refunded session (docs/product-rules.md: refund and hide)", () => {
  it("shows no forecasts: the user paid nothing for them", () => {
    const view = toSessionView(session(true), runs);

    expect(view.refunded).toBe(true);
    expect(view.predictions).toEqual([]);
    expect(view.models.map((model) => model.modelId)).toEqual(["consensus", "momentum"]);
  });

  it("shows the forecasts of a session that was not refunded", () => {
    expect(toSessionView({ ...session(false), status: "finished" }, runs).predictions).toHaveLength(
      1,
    );
  });
});

describe("the models of a session", () => {
  it("never show as queued or running once the session ended", () => {
    const queued = {
      ...(runs[1] as PredictionItem),
      modelId: "base-rate",
      state: "queued" as const,
    };
    for (const status of ["finished", "error"] as const) {
      const view = toSessionView({ ...session(status === "error"), status }, [...runs, queued]);

      expect(view.models.map((model) => model.state)).toEqual(["completed", "failed", "failed"]);
      expect(view.models[1]?.error).toMatch(/ended before this model finished/);
    }
  });

  it("show their own state while the session runs", () => {
    const view = toSessionView({ ...session(false), status: "generating" }, runs);

    expect(view.models.map((model) => model.state)).toEqual(["completed", "running"]);
    expect(view.models[1]?.error).toBeNull();
  });
});
