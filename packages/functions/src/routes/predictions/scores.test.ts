import { randomUUID } from "node:crypto";
import { serviceFor } from "@market/core";
import { createMarket, resolveMarket } from "@market/core/markets";
import { recordModelFailure, recordModelSuccess, scorePredictions } from "@market/core/predictions";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../test-support/app";
import { aNewMarket } from "../../test-support/core";

let setup: Awaited<ReturnType<typeof createTestApp>>;

beforeAll(async () => {
  setup = await createTestApp();
});

interface Forecast {
  modelId: string;
  probability: number;
}

/** A model run on `marketId` that the workflow has started; returns its session id. */
async function aRunningModel(modelId: string, marketId: string): Promise<string> {
  const sessionId = `s_${randomUUID()}`;
  await serviceFor(setup.db)
    .entities.prediction.create({
      sessionId,
      modelId,
      position: 0,
      userId: "u_fixture",
      marketId,
      state: "running",
      attempts: 1,
    })
    .go();
  return sessionId;
}

/** A finished run of `modelId` on `marketId` that forecast `probability`, recorded as the workflow does. */
async function aForecast(marketId: string, { modelId, probability }: Forecast): Promise<void> {
  const sessionId = await aRunningModel(modelId, marketId);
  await recordModelSuccess(
    setup.core,
    { sessionId, modelId, latencyMs: 40 },
    {
      probability,
      outcome: probability >= 0.5 ? "this" : "that",
      confidence: 0.5,
      reasoning: "fixture",
      keyFactors: ["fixture"],
    },
  );
}

async function aFailedRun(modelId: string): Promise<void> {
  const sessionId = await aRunningModel(modelId, "m_failed");
  await recordModelFailure(setup.core, { sessionId, modelId }, "fixture failure");
}

/** The same figures, computed from the fixture in memory. */
function expectedScore(modelId: string, scored: (Forecast & { y: 0 | 1 })[], failures: number) {
  const mine = scored.filter((forecast) => forecast.modelId === modelId);
  const buckets = Array.from({ length: 10 }, (_, index) => {
    const inBucket = mine.filter(
      (forecast) => Math.min(9, Math.floor(forecast.probability * 10)) === index,
    );
    const mean = (values: number[]) =>
      values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null;
    return {
      lower: index / 10,
      upper: (index + 1) / 10,
      forecasts: inBucket.length,
      meanPredicted: mean(inBucket.map((forecast) => forecast.probability)),
      observedFrequency: mean(inBucket.map((forecast) => forecast.y)),
    };
  });
  const briers = mine.map((forecast) => (forecast.probability - forecast.y) ** 2);
  return { mine, buckets, briers, failures };
}

describe("GET /predictions/models/scores", () => {
  it("answers anonymous callers with every model, and nulls before anything is scored", async () => {
    const response = await setup.app.request("/api/v1/predictions/models/scores");

    expect(response.status).toBe(200);
    const { models } = (await response.json()) as {
      models: { modelId: string; brierScore: number | null; calibration: unknown[] }[];
    };
    const ids = setup.deps.services.models.list().map((model) => model.id);
    expect(models.map((model) => model.modelId)).toEqual(ids);
    expect(models[0]).toMatchObject({ runs: 0, successRate: null, forecasts: 0, brierScore: null });
    expect(models[0]?.calibration).toHaveLength(10);
  });

  it("equals an in-memory computation over a fixture of scored forecasts", async () => {
    const [first, second] = setup.deps.services.models.list().map((model) => model.id) as [
      string,
      string,
    ];
    // Edges of buckets on purpose: 0, 0.1, 0.3, 0.7, 0.9 and 1 start or close a bucket.
    const onYes: Forecast[] = [0, 0.1, 0.15, 0.3, 0.7, 0.72, 0.9, 1].map((probability) => ({
      modelId: first,
      probability,
    }));
    const onNo: Forecast[] = [
      { modelId: first, probability: 0.05 },
      { modelId: first, probability: 0.75 },
      { modelId: second, probability: 0.42 },
      { modelId: second, probability: 0.99 },
    ];
    const onInvalid: Forecast[] = [{ modelId: first, probability: 0.5 }];
    const onOpen: Forecast[] = [{ modelId: second, probability: 0.6 }];
    const markets = await Promise.all(
      [1, 2, 3, 4].map(async () => (await createMarket(setup.core, aNewMarket())).marketId),
    );
    const [yes, no, invalid, open] = markets as [string, string, string, string];
    await Promise.all([
      ...onYes.map((forecast) => aForecast(yes, forecast)),
      ...onNo.map((forecast) => aForecast(no, forecast)),
      ...onInvalid.map((forecast) => aForecast(invalid, forecast)),
      ...onOpen.map((forecast) => aForecast(open, forecast)),
      aFailedRun(first),
      aFailedRun(second),
      aFailedRun(second),
    ]);
    await resolveMarket(setup.core, yes, "this");
    await resolveMarket(setup.core, no, "that");
    await resolveMarket(setup.core, invalid, "invalid");
    // Two markets scored at once: their transactions meet on the models' counters.
    const counts = await Promise.all(
      [yes, no, invalid].map((id) => scorePredictions(setup.core, id)),
    );
    expect(counts).toEqual([onYes.length, onNo.length, 0]);

    const response = await setup.app.request("/api/v1/predictions/models/scores");
    const { models } = (await response.json()) as {
      models: {
        modelId: string;
        runs: number;
        successRate: number | null;
        forecasts: number;
        brierScore: number | null;
        calibration: ReturnType<typeof expectedScore>["buckets"];
      }[];
    };

    const scored = [
      ...onYes.map((forecast) => ({ ...forecast, y: 1 as const })),
      ...onNo.map((forecast) => ({ ...forecast, y: 0 as const })),
    ];
    const all = [...onYes, ...onNo, ...onInvalid, ...onOpen];
    for (const [modelId, failures] of [
      [first, 1],
      [second, 2],
    ] as const) {
      const expected = expectedScore(modelId, scored, failures);
      const successes = all.filter((forecast) => forecast.modelId === modelId).length;
      const model = models.find((candidate) => candidate.modelId === modelId);
      expect(model?.runs).toBe(successes + failures);
      expect(model?.successRate).toBeCloseTo(successes / (successes + failures), 3);
      expect(model?.forecasts).toBe(expected.mine.length);
      const meanBrier =
        expected.briers.reduce((sum, value) => sum + value, 0) / expected.mine.length;
      // The API rounds rates and means to 4 decimals.
      expect(model?.brierScore).toBeCloseTo(meanBrier, 3);
      model?.calibration.forEach((bucket, index) => {
        const want = expected.buckets[index] as (typeof expected.buckets)[number];
        expect(bucket).toMatchObject({
          lower: want.lower,
          upper: want.upper,
          forecasts: want.forecasts,
        });
        for (const field of ["meanPredicted", "observedFrequency"] as const) {
          if (want[field] === null) expect(bucket[field]).toBeNull();
          else expect(bucket[field]).toBeCloseTo(want[field], 3);
        }
      });
    }
  });
});
