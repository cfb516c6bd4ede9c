import { randomUUID } from "node:crypto";
import { type Db, serviceFor } from "@market/core";
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
async function aRunningModel(
  modelId: string,
  marketId: string,
  db: Db = setup.db,
): Promise<string> {
  const sessionId = `s_${randomUUID()}`;
  await serviceFor(db)
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

describe("GET /predictions/models/scores: skill against the market", () => {
  let app: Awaited<ReturnType<typeof createTestApp>>;

  beforeAll(async () => {
    app = await createTestApp({ env: { SKILL_MIN_FORECASTS: "5" } });
  });

  interface Paired {
    probability: number;
    market: number | undefined;
    category: string;
    y: 0 | 1;
  }

  /** A forecast recorded as the workflow does, with the market's probability then. */
  async function aPairedForecast(modelId: string, marketId: string, forecast: Paired) {
    const sessionId = await aRunningModel(modelId, marketId, app.db);
    await recordModelSuccess(
      app.core,
      { sessionId, modelId, latencyMs: 10, marketProbability: forecast.market },
      {
        probability: forecast.probability,
        outcome: forecast.probability >= 0.5 ? "this" : "that",
        confidence: 0.5,
        reasoning: "fixture",
        keyFactors: ["fixture"],
      },
    );
  }

  /** The skill score and its interval, computed from the forecasts themselves. */
  function expectedSkill(pairs: Paired[]) {
    const model = pairs.map((pair) => (pair.probability - pair.y) ** 2);
    const market = pairs.map((pair) => ((pair.market as number) - pair.y) ** 2);
    const n = pairs.length;
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / n;
    const b = mean(model);
    const m = mean(market);
    const cov = (xs: number[], mx: number, ys: number[], my: number) =>
      xs.reduce((sum, x, i) => sum + (x - mx) * ((ys[i] as number) - my), 0) / (n - 1);
    const variance =
      (cov(model, b, model, b) / m ** 2 -
        (2 * b * cov(model, b, market, m)) / m ** 3 +
        (b ** 2 * cov(market, m, market, m)) / m ** 4) /
      n;
    const skill = 1 - b / m;
    const margin = 1.96 * Math.sqrt(variance);
    return { n, b, m, skill, lower: skill - margin, upper: skill + margin };
  }

  it("compares each model with the market on the same forecasts, overall and by category", async () => {
    const [sharp, noisy] = app.deps.services.models.list().map((model) => model.id) as [
      string,
      string,
    ];
    const category = (name: string) =>
      createMarket(app.core, aNewMarket({ category: name })).then((market) => market.marketId);
    const markets = {
      cryptoYes: await category("Crypto"),
      cryptoNo: await category("Crypto"),
      politicsYes: await category("Politics"),
    };
    // `sharp` leans the right way more than the market; `noisy` the wrong way.
    const fixture: [string, keyof typeof markets, Paired][] = [
      ...[0.8, 0.85, 0.9, 0.7, 0.95, 0.75].map(
        (p, i) =>
          [
            sharp,
            "cryptoYes",
            { probability: p, market: 0.6 + i * 0.02, category: "Crypto", y: 1 },
          ] as [string, keyof typeof markets, Paired],
      ),
      [sharp, "cryptoNo", { probability: 0.2, market: 0.35, category: "Crypto", y: 0 }],
      [sharp, "politicsYes", { probability: 0.6, market: 0.55, category: "Politics", y: 1 }],
      [sharp, "politicsYes", { probability: 0.7, market: 0.5, category: "Politics", y: 1 }],
      // Made before the market's figure was kept: scored, never paired.
      [sharp, "politicsYes", { probability: 0.9, market: undefined, category: "Politics", y: 1 }],
      ...[0.3, 0.4, 0.2, 0.45, 0.35].map(
        (p, i) =>
          [
            noisy,
            "cryptoYes",
            { probability: p, market: 0.6 + i * 0.01, category: "Crypto", y: 1 },
          ] as [string, keyof typeof markets, Paired],
      ),
    ];
    for (const [modelId, market, forecast] of fixture) {
      await aPairedForecast(modelId, markets[market], forecast);
    }
    await resolveMarket(app.core, markets.cryptoYes, "this");
    await resolveMarket(app.core, markets.cryptoNo, "that");
    await resolveMarket(app.core, markets.politicsYes, "this");
    for (const id of Object.values(markets)) await scorePredictions(app.core, id);

    const response = await app.app.request("/api/v1/predictions/models/scores");
    expect(response.status).toBe(200);
    const { models } = (await response.json()) as {
      models: {
        modelId: string;
        name: string;
        forecasts: number;
        skill: {
          forecasts: number;
          brierScore: number;
          marketBrierScore: number;
          skillScore: number;
          interval: { lower: number; upper: number };
          verdict: string;
          summary: string;
          byCategory: {
            category: string;
            categoryKey: string;
            forecasts: number;
            skillScore: number;
            verdict: string;
            summary: string;
          }[];
        };
      }[];
    };
    const of = (modelId: string) => models.find((model) => model.modelId === modelId);
    const pairsOf = (modelId: string, name?: string) =>
      fixture
        .filter(([id, , pair]) => id === modelId && pair.market !== undefined)
        .filter(([, , pair]) => !name || pair.category === name)
        .map(([, , pair]) => pair);

    const sharpScore = of(sharp);
    const want = expectedSkill(pairsOf(sharp));
    expect(sharpScore?.forecasts).toBe(10);
    expect(sharpScore?.skill.forecasts).toBe(9);
    expect(sharpScore?.skill.brierScore).toBeCloseTo(want.b, 3);
    expect(sharpScore?.skill.marketBrierScore).toBeCloseTo(want.m, 3);
    expect(sharpScore?.skill.skillScore).toBeCloseTo(want.skill, 3);
    expect(sharpScore?.skill.interval.lower).toBeCloseTo(want.lower, 3);
    expect(sharpScore?.skill.interval.upper).toBeCloseTo(want.upper, 3);
    expect(want.lower).toBeGreaterThan(0);
    expect(sharpScore?.skill.verdict).toBe("better");
    expect(sharpScore?.skill.summary).toBe(
      `${sharpScore?.name} has done better than the market on 9 forecasts on resolved markets.`,
    );
    // By category, the largest sample first; two Politics forecasts are too few to judge.
    expect(sharpScore?.skill.byCategory.map((row) => [row.category, row.forecasts])).toEqual([
      ["Crypto", 7],
      ["Politics", 2],
    ]);
    const crypto = expectedSkill(pairsOf(sharp, "Crypto"));
    expect(sharpScore?.skill.byCategory[0]?.skillScore).toBeCloseTo(crypto.skill, 3);
    expect(sharpScore?.skill.byCategory[0]?.categoryKey).toBe("crypto");
    expect(sharpScore?.skill.byCategory[1]?.verdict).toBe("too_few");
    expect(sharpScore?.skill.byCategory[1]?.summary).toMatch(/too few yet/);

    const noisyScore = of(noisy);
    const noisyWant = expectedSkill(pairsOf(noisy));
    expect(noisyScore?.skill.skillScore).toBeCloseTo(noisyWant.skill, 3);
    expect(noisyWant.upper).toBeLessThan(0);
    expect(noisyScore?.skill.verdict).toBe("worse");
    expect(noisyScore?.skill.summary).toMatch(/has done worse than the market on 5 forecasts/);

    // A model with nothing scored says so, in words.
    const idle = models.find((model) => ![sharp, noisy].includes(model.modelId));
    expect(idle?.skill).toMatchObject({ forecasts: 0, skillScore: null, verdict: "too_few" });
    expect(idle?.skill.summary).toMatch(/no forecast on a resolved market/);
  });
});
