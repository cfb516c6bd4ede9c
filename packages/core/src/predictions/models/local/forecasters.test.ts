import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type MarketContext, ModelFailed, predictionSchema, TransientModelError } from "../types";
import { baseRateModel, forecastBaseRate } from "./base-rate";
import { consensusModel, forecastConsensus } from "./consensus";
import { createLocalModel } from "./local-model";
import { duration, humanSpan, signedPoints } from "./market-maths";
import { forecastMomentum, momentumModel } from "./momentum";

const researchedAt = "2026-06-10T12:00:00.000Z";
const day = 86_400_000;

function context(
  overrides: Partial<MarketContext["market"]> = {},
  rest: Partial<MarketContext> = {},
): MarketContext {
  return {
    market: {
      id: "pm_1",
      title: "Will the bill pass?",
      description: "Resolves Yes if the bill passes by the end of the year.",
      category: "Politics",
      thisOption: "Yes",
      thatOption: "No",
      thisOdds: 0.6,
      thatOdds: 0.4,
      volume: 250_000,
      volume24h: 12_000,
      liquidity: 40_000,
      expiresAt: "2026-12-31T00:00:00.000Z",
      ...overrides,
    },
    oddsHistory: [],
    categoryBaseRate: null,
    researchedAt,
    ...rest,
  };
}

/** A daily history ending yesterday, oldest first. */
function history(prices: number[]): MarketContext["oddsHistory"] {
  const end = Date.parse(researchedAt) - day;
  return prices.map((price, i) => ({
    at: new Date(end - (prices.length - 1 - i) * day).toISOString(),
    thisOdds: price,
    thatOdds: 1 - price,
  }));
}

const forecasters = [
  ["consensus", forecastConsensus],
  ["momentum", forecastMomentum],
  ["base-rate", forecastBaseRate],
] as const;

const price = fc.double({ min: 0.01, max: 0.99, noNaN: true });
const money = fc.double({ min: 0, max: 10_000_000, noNaN: true });

/** Any context a real market could produce, with at least one usable price. */
const contextWithOdds: fc.Arbitrary<MarketContext> = fc
  .record({
    odds: fc.oneof(
      fc.tuple(price, price),
      fc.tuple(price, fc.constant(null)),
      fc.tuple(fc.constant(null), price),
    ),
    volume: money,
    volume24h: money,
    liquidity: money,
    expiresInDays: fc.option(fc.double({ min: -30, max: 2_000, noNaN: true })),
    history: fc.array(fc.record({ ageDays: fc.double({ min: 0, max: 120, noNaN: true }), price }), {
      maxLength: 40,
    }),
    baseRate: fc.option(
      fc.integer({ min: 0, max: 500 }).chain((resolved) =>
        fc.record({
          resolved: fc.constant(resolved),
          thisWins: fc.integer({ min: 0, max: resolved }),
        }),
      ),
    ),
  })
  .map((drawn) => {
    const now = Date.parse(researchedAt);
    return context(
      {
        thisOdds: drawn.odds[0],
        thatOdds: drawn.odds[1],
        volume: drawn.volume,
        volume24h: drawn.volume24h,
        liquidity: drawn.liquidity,
        expiresAt:
          drawn.expiresInDays === null
            ? null
            : new Date(now + drawn.expiresInDays * day).toISOString(),
      },
      {
        oddsHistory: drawn.history
          .map((point) => ({
            at: new Date(now - point.ageDays * day).toISOString(),
            thisOdds: point.price,
            thatOdds: 1 - point.price,
          }))
          .sort((a, b) => a.at.localeCompare(b.at)),
        categoryBaseRate: drawn.baseRate,
      },
    );
  });

describe.each(forecasters)("the %s forecaster", (_id, forecast) => {
  it("gives the same answer for the same data", () => {
    const input = context(
      {},
      { oddsHistory: history([0.5, 0.55, 0.58]), categoryBaseRate: { resolved: 80, thisWins: 30 } },
    );
    const first = forecast(input);
    expect(forecast(structuredClone(input))).toEqual(first);
  });

  it("returns a valid, self-consistent prediction for any market with odds", () => {
    fc.assert(
      fc.property(contextWithOdds, (input) => {
        const prediction = forecast(input);
        expect(predictionSchema.safeParse(prediction).success).toBe(true);
        expect(prediction.probability).toBeGreaterThanOrEqual(0);
        expect(prediction.probability).toBeLessThanOrEqual(1);
        expect(prediction.outcome).toBe(prediction.probability >= 0.5 ? "this" : "that");
        expect(forecast(input)).toEqual(prediction);
      }),
      { numRuns: 300 },
    );
  });

  it("names its numbers in the reasoning and key factors", () => {
    const prediction = forecast(context({}, { oddsHistory: history([0.5, 0.6]) }));
    expect(prediction.reasoning).toMatch(/\d+(\.\d+)?%/);
    expect(prediction.keyFactors.every((factor) => /\d/.test(factor))).toBe(true);
  });

  it("refuses a market without odds", () => {
    expect(() => forecast(context({ thisOdds: null, thatOdds: null }))).toThrow(ModelFailed);
  });
});

/** Words a newcomer would not know: they belong in `method`, never in the write-up. */
const jargon = [
  /log-?odds/i,
  /\bprior\b/i,
  /R²/,
  /posterior/i,
  /logit/i,
  /\bbeta\b/i,
  /pseudo/i,
  /overround/i,
  /normalis/i,
];

describe.each(forecasters)("the %s forecaster's write-up", (_id, forecast) => {
  it("is plain language: no jargon, the options by name, no bare dollars", () => {
    fc.assert(
      fc.property(contextWithOdds, (input) => {
        const prediction = forecast({
          ...input,
          market: { ...input.market, thisOption: "Bitcoin", thatOption: "Ether" },
        });
        for (const text of [prediction.reasoning, ...prediction.keyFactors]) {
          for (const word of jargon) expect(text).not.toMatch(word);
          // The sides by their names, never the internal "this"/"that".
          expect(text).not.toMatch(/"(this|that)"|\b(this|that) side\b/);
          // Dollars are Polymarket's, and said so; credits are never "$".
          for (const dollar of text.matchAll(/\$/g)) {
            expect(text.slice(0, dollar.index)).toMatch(/Polymarket (volume|liquidity) $/);
          }
        }
        expect(prediction.reasoning).toContain("Bitcoin");
        // The technical account is kept, apart, for "How this model works".
        expect(prediction.method).toBeTruthy();
      }),
      { numRuns: 200 },
    );
  });
});

describe("momentum's write-up", () => {
  it("does not project a trend of minutes onto a question that ends in a year", () => {
    const fourteenMinutesAgo = new Date(Date.parse(researchedAt) - 14 * 60_000).toISOString();
    const input = context(
      { thisOdds: 0.6, thatOdds: 0.4, expiresAt: "2027-07-10T12:00:00.000Z" },
      { oddsHistory: [{ at: fourteenMinutesAgo, thisOdds: 0.55, thatOdds: 0.45 }] },
    );
    const prediction = forecastMomentum(input);
    const text = [prediction.reasoning, ...prediction.keyFactors].join("\n");
    // It may say what it saw over 14 minutes, never carry it 14 minutes on.
    expect(text).not.toMatch(
      /(next|ahead|forward|projected)[^.]*14 minutes|14 minutes (ahead|forward)/i,
    );
    expect(text).not.toMatch(/drift/i);
    expect(prediction.reasoning).toContain("ends in 13 months");
    expect(prediction.reasoning).toContain("says little");
  });
});

describe("consensus", () => {
  it("normalises prices that do not sum to 1", () => {
    const prediction = forecastConsensus(context({ thisOdds: 0.55, thatOdds: 0.55 }));
    expect(prediction.probability).toBe(0.5);
    expect(prediction.outcome).toBe("this");
  });

  it("moves a 90% favourite a little further from 50%, as the favourite–longshot bias implies", () => {
    const favourite = forecastConsensus(context({ thisOdds: 0.9, thatOdds: 0.1 }));
    expect(favourite.probability).toBeGreaterThan(0.9);
    expect(favourite.probability).toBeLessThan(0.95);
    const longshot = forecastConsensus(context({ thisOdds: 0.1, thatOdds: 0.9 }));
    expect(longshot.probability).toBeLessThan(0.1);
    expect(longshot.probability).toBeGreaterThan(0.05);
  });

  it("corrects less close to expiry, where prices are better calibrated", () => {
    const far = forecastConsensus(
      context({ thisOdds: 0.9, thatOdds: 0.1, expiresAt: "2027-06-10T00:00:00.000Z" }),
    );
    const near = forecastConsensus(
      context({ thisOdds: 0.9, thatOdds: 0.1, expiresAt: "2026-06-11T00:00:00.000Z" }),
    );
    expect(near.probability).toBeGreaterThan(0.9);
    expect(near.probability).toBeLessThan(far.probability);
  });

  it("never changes the favoured side", () => {
    fc.assert(
      fc.property(contextWithOdds, (input) => {
        const { thisOdds, thatOdds } = input.market;
        const implied =
          thisOdds !== null && thatOdds !== null
            ? thisOdds / (thisOdds + thatOdds)
            : (thisOdds ?? 1 - (thatOdds ?? 0));
        const corrected = forecastConsensus(input).probability;
        if (implied > 0.501) expect(corrected).toBeGreaterThanOrEqual(0.5);
        if (implied < 0.499) expect(corrected).toBeLessThan(0.5);
      }),
    );
  });

  it("is more confident in a deep market than in a thin one", () => {
    const deep = forecastConsensus(context({ liquidity: 500_000, volume24h: 200_000 }));
    const thin = forecastConsensus(context({ liquidity: 50, volume24h: 0 }));
    expect(deep.confidence).toBeGreaterThan(thin.confidence);
  });

  it("works from one price when the other side has none", () => {
    expect(forecastConsensus(context({ thisOdds: null, thatOdds: 0.3 })).outcome).toBe("this");
  });
});

describe("momentum", () => {
  it("follows a rising series above the current price", () => {
    const input = context(
      { thisOdds: 0.6, thatOdds: 0.4 },
      { oddsHistory: history([0.4, 0.45, 0.5, 0.55, 0.6]) },
    );
    expect(forecastMomentum(input).probability).toBeGreaterThan(0.6);
  });

  it("follows a falling series below the current price", () => {
    const input = context(
      { thisOdds: 0.4, thatOdds: 0.6 },
      { oddsHistory: history([0.6, 0.55, 0.5, 0.45, 0.4]) },
    );
    expect(forecastMomentum(input).probability).toBeLessThan(0.4);
  });

  it("stays at the price when the history is flat", () => {
    const input = context(
      { thisOdds: 0.6, thatOdds: 0.4 },
      { oddsHistory: history([0.6, 0.6, 0.6, 0.6]) },
    );
    expect(forecastMomentum(input).probability).toBe(0.6);
  });

  it("nudges rather than overrules, however steep the trend", () => {
    const input = context(
      { thisOdds: 0.5, thatOdds: 0.5 },
      { oddsHistory: history([0.02, 0.1, 0.3, 0.5]) },
    );
    expect(forecastMomentum(input).probability).toBeLessThan(0.7);
  });

  it("does not carry a move seen over minutes days ahead", () => {
    const tenMinutesAgo = new Date(Date.parse(researchedAt) - 10 * 60_000).toISOString();
    const input = context(
      { thisOdds: 0.6, thatOdds: 0.4 },
      { oddsHistory: [{ at: tenMinutesAgo, thisOdds: 0.5, thatOdds: 0.5 }] },
    );
    const prediction = forecastMomentum(input);
    expect(prediction.probability).toBeGreaterThan(0.6);
    expect(prediction.probability).toBeLessThan(0.61);
  });

  it("is surer of a steady trend than of a noisy one", () => {
    const steady = forecastMomentum(
      context(
        { thisOdds: 0.6, thatOdds: 0.4 },
        { oddsHistory: history([0.4, 0.45, 0.5, 0.55, 0.6]) },
      ),
    );
    const noisy = forecastMomentum(
      context(
        { thisOdds: 0.6, thatOdds: 0.4 },
        { oddsHistory: history([0.4, 0.6, 0.42, 0.62, 0.6]) },
      ),
    );
    expect(steady.confidence).toBeGreaterThan(noisy.confidence);
  });

  it("falls back to consensus with low confidence when there is no trend to read", () => {
    const input = context({ thisOdds: 0.7, thatOdds: 0.3 });
    const prediction = forecastMomentum(input);
    expect(prediction.probability).toBe(forecastConsensus(input).probability);
    expect(prediction.confidence).toBeLessThanOrEqual(0.15);
  });

  it("reads the history when the market has no current price", () => {
    const input = context(
      { thisOdds: null, thatOdds: null },
      { oddsHistory: history([0.3, 0.35, 0.4]) },
    );
    expect(forecastMomentum(input).probability).toBeGreaterThan(0.4);
  });
});

describe("base rate", () => {
  it("pulls toward a long category record", () => {
    const input = context(
      { thisOdds: 0.6, thatOdds: 0.4 },
      { categoryBaseRate: { resolved: 400, thisWins: 40 } },
    );
    const consensus = forecastConsensus(input).probability;
    const prediction = forecastBaseRate(input);
    expect(prediction.probability).toBeLessThan(consensus - 0.05);
    expect(prediction.probability).toBeGreaterThan(0.1);
  });

  it("stays close to consensus without a category record", () => {
    for (const categoryBaseRate of [null, { resolved: 0, thisWins: 0 }]) {
      const input = context({ thisOdds: 0.8, thatOdds: 0.2 }, { categoryBaseRate });
      const gap = Math.abs(
        forecastBaseRate(input).probability - forecastConsensus(input).probability,
      );
      expect(gap).toBeLessThan(0.03);
    }
  });

  it("grows more confident as the record grows", () => {
    const small = forecastBaseRate(
      context({}, { categoryBaseRate: { resolved: 10, thisWins: 3 } }),
    );
    const large = forecastBaseRate(
      context({}, { categoryBaseRate: { resolved: 400, thisWins: 120 } }),
    );
    expect(large.confidence).toBeGreaterThan(small.confidence);
  });

  it("lets a deep market hold its price against the category more than a thin one", () => {
    const record = { resolved: 300, thisWins: 30 };
    const deep = forecastBaseRate(
      context({ liquidity: 1_000_000, volume24h: 500_000 }, { categoryBaseRate: record }),
    );
    const thin = forecastBaseRate(
      context({ liquidity: 0, volume24h: 0 }, { categoryBaseRate: record }),
    );
    expect(deep.probability).toBeGreaterThan(thin.probability);
  });
});

describe("a local model", () => {
  const settings = { creditCost: 1, available: true };

  it.each([consensusModel, momentumModel, baseRateModel])(
    "$id predicts through the model interface",
    async (definition) => {
      const model = createLocalModel(definition, settings);
      expect(model.provider).toBe("local");
      await expect(model.predict(context(), {})).resolves.toMatchObject({ outcome: "this" });
    },
  );

  it("rejects with ModelFailed when the market has no odds", async () => {
    const model = createLocalModel(consensusModel, settings);
    await expect(
      model.predict(context({ thisOdds: null, thatOdds: null }), {}),
    ).rejects.toBeInstanceOf(ModelFailed);
  });

  it("does not start once its signal has aborted", async () => {
    const model = createLocalModel(consensusModel, settings);
    await expect(model.predict(context(), { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      TransientModelError,
    );
  });
});

describe("signedPoints", () => {
  it("signs a move and shows none for what rounds to zero", () => {
    expect(signedPoints(0.023)).toBe("+2.3 pts");
    expect(signedPoints(-0.023)).toBe("−2.3 pts");
    expect(signedPoints(-0.0004)).toBe("±0.0 pts");
    expect(signedPoints(0)).toBe("±0.0 pts");
  });
});

describe("humanSpan", () => {
  it("says a time to come in the unit a reader expects", () => {
    expect(humanSpan(396)).toBe("13 months");
    expect(humanSpan(21)).toBe("3 weeks");
    expect(humanSpan(5)).toBe("5 days");
    expect(humanSpan(1)).toBe("24 hours");
    expect(humanSpan(1 / 24)).toBe("1 hour");
    expect(humanSpan(14 / 1440)).toBe("14 minutes");
    expect(humanSpan(800)).toBe("2 years");
  });
});

describe("duration", () => {
  it("names a span in days, hours or minutes, singular for one minute", () => {
    expect(duration(2)).toBe("2.0 days");
    expect(duration(3 / 24)).toBe("3.0 hours");
    expect(duration(5 / 1440)).toBe("5 minutes");
    expect(duration(1 / 1440)).toBe("1 minute");
    expect(duration(10 / 86_400)).toBe("under a minute");
  });
});
