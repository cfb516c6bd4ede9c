import fc from "fast-check";
import { describe, expect, it } from "vitest";
import page1 from "./fixtures/gamma-markets-page1.json";
import page2 from "./fixtures/gamma-markets-page2.json";
import {
  type ImportedMarket,
  type MappingResult,
  mapGammaMarket,
  mapGammaPage,
  roundOdds,
} from "./mapping";

type Raw = Record<string, unknown>;

function fixture(page: readonly unknown[], id: string): Raw {
  const found = page.find((item) => (item as Raw).id === id);
  if (!found) throw new Error(`fixture ${id} not found`);
  return structuredClone(found) as Raw;
}

function marketOf(result: MappingResult): ImportedMarket {
  if (result.kind !== "market") throw new Error(`expected a market, got ${JSON.stringify(result)}`);
  return result.market;
}

/** A record shaped like a Gamma item, to vary one field at a time. */
function gammaItem(overrides: Raw = {}): Raw {
  return { ...fixture(page1, "1187402"), ...overrides };
}

type Expected =
  | {
      kind: "market";
      result: "pending" | "needs_review" | "this" | "that" | "invalid";
      bettable: boolean;
      sides: [string, string];
      odds: [number, number] | null;
    }
  | { kind: "skipped"; reason: "not_binary" | "invalid_record" };

const open = (sides: [string, string], odds: [number, number] | null, bettable = true) =>
  ({ kind: "market", result: "pending", bettable, sides, odds }) as const;
const yesNo: [string, string] = ["Yes", "No"];

/** Every record of both fixture pages, as the fixture guide says it should land. */
const table: [number, string, string, Expected][] = [
  [1, "1187402", "normal open Yes/No", open(yesNo, [0.62, 0.38])],
  [1, "1190533", "three-decimal prices", open(yesNo, [0.265, 0.735])],
  [1, "1193871", "prices summing to 1.02 kept as they are", open(yesNo, [0.52, 0.5])],
  [1, "1162208", "no end date keys", open(yesNo, [0.085, 0.915])],
  [1, "1162944", "endDate null", open(yesNo, [0.41, 0.59])],
  [1, "1120334", "resolved Yes", { ...open(yesNo, [1, 0], false), result: "this" }],
  [1, "1124719", "resolved No", { ...open(yesNo, [0, 1], false), result: "that" }],
  [1, "1204877", "Up/Down, second won", { ...open(["Up", "Down"], [0, 1], false), result: "that" }],
  [1, "1209415", "team names", open(["Lakers", "Celtics"], [0.445, 0.555])],
  [1, "1141880", "negRisk answer 1", open(yesNo, [0.31, 0.69])],
  [1, "1141881", "negRisk answer 2", open(yesNo, [0.44, 0.56])],
  [1, "1141882", "negRisk answer 3", open(yesNo, [0.09, 0.91])],
  [1, "1141883", "negRisk answer 4", open(yesNo, [0.17, 0.83])],
  [1, "1211002", "three outcomes", { kind: "skipped", reason: "not_binary" }],
  [1, "1199650", "50-50", { ...open(["NAVI", "Vitality"], [0.5, 0.5], false), result: "invalid" }],
  [
    1,
    "239",
    "2020 market, 0/0, no oracle",
    { ...open(yesNo, [0, 0], false), result: "needs_review" },
  ],
  [1, "1170088", "disputed", open(yesNo, [0.115, 0.885], false)],
  [1, "1011930", "archived, resolved Yes", { ...open(yesNo, [1, 0], false), result: "this" }],
  [1, "1212550", "not yet on the order book", open(yesNo, null, false)],
  [1, "1158801", "acceptingOrders false", open(yesNo, [0.035, 0.965], false)],
  [1, "1175503", "extreme prices", open(yesNo, [0.0005, 0.9995])],
  [1, "1211480", "featured negRisk answer", open(yesNo, [0.575, 0.425])],
  [1, "1166034", "end date passed, still open", open(yesNo, [0.915, 0.085])],
  [1, "1180077", "proposed", open(yesNo, [0.0015, 0.9985], false)],
  [1, "1212611", "zero volume and liquidity", open(yesNo, [0.05, 0.95])],
  [2, "1187402", "same market, newer prices", open(yesNo, [0.63, 0.37])],
  [2, "1201190", "long float text", open(yesNo, [0.655, 0.345])],
  [2, "1137740", "resolved No", { ...open(yesNo, [0, 1], false), result: "that" }],
  [2, "1206312", "UTF-8 text", open(yesNo, [0.18, 0.82])],
  [2, "1188820", "closed, no oracle status", open(yesNo, [0.9985, 0.0015], false)],
  [2, "1209950", "very long question", open(yesNo, [0.21, 0.79])],
  [2, "1144512", "resolved Yes, active false", { ...open(yesNo, [1, 0], false), result: "this" }],
  [2, "1211481", "negRisk answer resolved No", { ...open(yesNo, [0, 1], false), result: "that" }],
  [2, "1212702", "no category", open(yesNo, [0.07, 0.93])],
  [2, "1203319", "reverse order [No, Yes]", open(yesNo, [0.34, 0.66])],
];

describe("mapGammaMarket on the fixture pages", () => {
  it("covers every record of both pages", () => {
    expect(table.filter(([page]) => page === 1)).toHaveLength(page1.length);
    expect(table.filter(([page]) => page === 2)).toHaveLength(page2.length);
  });

  it.each(table)("page %i, %s (%s)", (page, id, _story, expected) => {
    const result = mapGammaMarket(fixture(page === 1 ? page1 : page2, id));

    if (expected.kind === "skipped") {
      expect(result).toMatchObject({ kind: "skipped", reason: expected.reason, externalId: id });
      return;
    }
    const market = marketOf(result);
    expect(market.externalId).toBe(id);
    expect([market.thisOption, market.thatOption]).toEqual(expected.sides);
    expect(market.thisOdds === null ? null : [market.thisOdds, market.thatOdds]).toEqual(
      expected.odds,
    );
    expect(market.bettable).toBe(expected.bettable);
    if (expected.result === "pending" || expected.result === "needs_review") {
      expect(market.result.state).toBe(expected.result);
    } else {
      expect(market.result).toEqual({ state: "final", resolution: expected.result });
    }
  });

  it("reads a plain open market completely", () => {
    const market = marketOf(mapGammaMarket(fixture(page1, "1187402")));

    expect(market).toEqual({
      externalId: "1187402",
      conditionId: "0xcd1d70b6dbe8e0f0f8c2c578985028447ef45aab944a4db542334d34b6153d68",
      thisTokenId: "10616181767037072638707931555920740298025904747924028325518466712981833321625",
      title: "Will the Fed cut rates by 25 bps after the October 2026 meeting?",
      description: expect.stringContaining('resolve to "Yes"'),
      category: null,
      thisOption: "Yes",
      thatOption: "No",
      thisOdds: 0.62,
      thatOdds: 0.38,
      bettable: true,
      liquidity: 88213.0412,
      volume: 912004.118271,
      volume24h: 21408.55,
      expiresAt: "2026-10-28T18:00:00.000Z",
      closed: false,
      closedAt: null,
      result: { state: "pending" },
      sourceUpdatedAt: "2026-09-14T08:12:55.604Z",
    });
  });

  it("takes the this side's CLOB token by outcome, and none when Gamma lists none", () => {
    const reversed = marketOf(mapGammaMarket(fixture(page2, "1203319")));
    const unlisted = marketOf(mapGammaMarket(fixture(page1, "1212550")));

    // Outcomes are ["No", "Yes"]: this side is Yes, the second token.
    expect(reversed.thisTokenId).toBe(
      "58882125473276729682423595525958829475664617431263951246812958757062979099226",
    );
    expect(unlisted.thisTokenId).toBeNull();
  });

  it("has no expiry when endDate is absent or null, and trims the category", () => {
    const absent = marketOf(mapGammaMarket(fixture(page1, "1162208")));
    const explicitNull = marketOf(mapGammaMarket(fixture(page1, "1162944")));

    expect(absent.expiresAt).toBeNull();
    expect(explicitNull.expiresAt).toBeNull();
    expect(explicitNull.category).toBe("Pop-Culture");
  });

  it("reads closedTime in Gamma's other time format", () => {
    const market = marketOf(mapGammaMarket(fixture(page1, "1120334")));

    expect(market.closedAt).toBe("2026-07-02T06:43:51.000Z");
    expect(market.closed).toBe(true);
  });

  it("says why the 2020 market needs a person", () => {
    const market = marketOf(mapGammaMarket(fixture(page1, "239")));

    expect(market.result).toEqual({ state: "needs_review", reason: expect.any(String) });
  });

  it("stores a market without prices, with no odds and zero totals", () => {
    const market = marketOf(mapGammaMarket(fixture(page1, "1212550")));

    expect(market).toMatchObject({ thisOdds: null, thatOdds: null, bettable: false, volume: 0 });
  });

  it("keeps UTF-8 text and long questions intact", () => {
    const accents = marketOf(mapGammaMarket(fixture(page2, "1206312")));
    const long = marketOf(mapGammaMarket(fixture(page2, "1209950")));

    expect(accents.title).toBe(fixture(page2, "1206312").question);
    expect(accents.title).toMatch(/[\u2018-\u201d]/);
    // The guide says "over 200 characters"; the fixture's question is 199.
    expect(long.title).toBe(fixture(page2, "1209950").question);
    expect(long.title.length).toBeGreaterThan(190);
  });

  it("takes volume from the text total when there is no numeric twin", () => {
    const { volumeNum: _dropped, ...withoutNumber } = fixture(page2, "1212702");

    expect(marketOf(mapGammaMarket(withoutNumber)).volume).toBe(250);
  });

  it("maps a page, counting what it skipped", () => {
    const { markets, skipped } = mapGammaPage(page1);

    expect(markets).toHaveLength(24);
    expect(skipped).toEqual([
      expect.objectContaining({ reason: "not_binary", externalId: "1211002" }),
    ]);
  });
});

describe("mapGammaMarket result rules", () => {
  const closedResolved = { closed: true, umaResolutionStatus: "resolved", acceptingOrders: false };

  it.each([
    ["[No, Yes] with the first (No) winning", '["No", "Yes"]', '["1", "0"]', "that"],
    ["[No, Yes] with the second (Yes) winning", '["No", "Yes"]', '["0", "1"]', "this"],
    ["team names, first winning", '["Lakers", "Celtics"]', '["1", "0"]', "this"],
    ["upper-case YES/NO", '["NO", "YES"]', '["0", "1"]', "this"],
  ])("finds the winner by name: %s", (_story, outcomes, outcomePrices, resolution) => {
    const result = mapGammaMarket(gammaItem({ ...closedResolved, outcomes, outcomePrices }));

    expect(marketOf(result).result).toEqual({ state: "final", resolution });
  });

  it.each([
    [
      "prices near but not exactly 1/0",
      { ...closedResolved, outcomePrices: '["0.99996", "0.00004"]' },
    ],
    [
      "resolved but still open",
      { closed: false, umaResolutionStatus: "resolved", outcomePrices: '["1", "0"]' },
    ],
    [
      "closed, proposed, exact prices",
      { ...closedResolved, umaResolutionStatus: "proposed", outcomePrices: '["1", "0"]' },
    ],
    [
      "closed, unknown oracle word",
      { ...closedResolved, umaResolutionStatus: "settled?", outcomePrices: '["1", "0"]' },
    ],
  ])("stays pending: %s", (_story, overrides) => {
    expect(marketOf(mapGammaMarket(gammaItem(overrides))).result).toEqual({ state: "pending" });
  });

  it.each([
    ["resolved with 0/0 prices", { ...closedResolved, outcomePrices: '["0", "0"]' }],
    ["resolved without prices", { ...closedResolved, outcomePrices: undefined }],
    ["closed, no oracle, no prices", { closed: true, outcomePrices: null }],
  ])("needs review: %s", (_story, overrides) => {
    expect(marketOf(mapGammaMarket(gammaItem(overrides))).result.state).toBe("needs_review");
  });
});

describe("mapGammaMarket odds and bettable", () => {
  it.each([
    [0.6549999999999999, 0.655],
    [0.00015, 0.0002],
    [0.12344, 0.1234],
    [0.99995, 1],
    [0.00004, 0],
    [1, 1],
  ])("rounds %d to %d", (price, rounded) => {
    expect(roundOdds(price)).toBe(rounded);
  });

  it.each([
    ["a side rounding to 0", '["0.99996", "0.00004"]', {}],
    ["closed", '["0.6", "0.4"]', { closed: true }],
    ["order book disabled", '["0.6", "0.4"]', { enableOrderBook: false }],
    ["not accepting orders", '["0.6", "0.4"]', { acceptingOrders: false }],
    ["empty price list", "[]", {}],
  ])("is not bettable with %s", (_story, outcomePrices, overrides) => {
    const market = marketOf(mapGammaMarket(gammaItem({ outcomePrices, ...overrides })));

    expect(market.bettable).toBe(false);
  });

  it("is bettable when the optional trading flags are missing", () => {
    const item = gammaItem();
    delete item.acceptingOrders;
    delete item.enableOrderBook;

    expect(marketOf(mapGammaMarket(item)).bettable).toBe(true);
  });

  it("falls back to endDateIso (start of that day, UTC) when endDate is missing", () => {
    const market = marketOf(mapGammaMarket(gammaItem({ endDate: null, endDateIso: "2027-01-31" })));

    expect(market.expiresAt).toBe("2027-01-31T00:00:00.000Z");
  });

  it("accepts a numeric id and treats unreadable totals as unknown", () => {
    const market = marketOf(
      mapGammaMarket(gammaItem({ id: 42, volumeNum: "lots", volume: "n/a", liquidityNum: -3 })),
    );

    expect(market).toMatchObject({ externalId: "42", volume: 0, liquidity: 88213.0412 });
  });
});

describe("mapGammaMarket on invalid records", () => {
  it.each([
    ["missing id", { id: undefined }, null],
    ["id that is not digits", { id: "abc" }, null],
    ["outcomes that are not JSON", { outcomes: "[Yes, No" }, "1187402"],
    ["outcomes as a number list", { outcomes: "[1, 2]" }, "1187402"],
    ["one outcome", { outcomes: '["Yes"]', outcomePrices: '["1"]' }, "1187402"],
    ["the same outcome twice", { outcomes: '["Yes", "yes"]' }, "1187402"],
    ["more prices than outcomes", { outcomePrices: '["0.5", "0.3", "0.2"]' }, "1187402"],
    ["a price above 1", { outcomePrices: '["1.2", "0.38"]' }, "1187402"],
    ["a price that is not a number", { outcomePrices: '["abc", "0.38"]' }, "1187402"],
    ["an infinite price", { outcomePrices: '["1e999", "0"]' }, "1187402"],
    ["an unreadable endDate", { endDate: "next Tuesday" }, "1187402"],
    ["closed missing", { closed: undefined }, "1187402"],
    ["closed as text", { closed: "false" }, "1187402"],
    ["an empty question", { question: "  " }, "1187402"],
  ])("skips a record with %s", (_story, overrides, externalId) => {
    const result = mapGammaMarket(gammaItem(overrides));

    expect(result).toMatchObject({ kind: "skipped", reason: "invalid_record", externalId });
    expect(result.kind === "skipped" && result.detail.length).toBeGreaterThan(0);
  });

  it.each([
    ["null", null],
    ["undefined", undefined],
    ["a number", 42],
    ["a string", "market"],
    ["an empty array", []],
    ["a page instead of an item", [gammaItem()]],
  ])("skips %s", (_story, raw) => {
    expect(mapGammaMarket(raw)).toMatchObject({ kind: "skipped", reason: "invalid_record" });
  });
});

describe("mapGammaMarket properties", () => {
  function expectSaneResult(result: MappingResult) {
    if (result.kind === "skipped") {
      expect(result.detail).not.toMatch(/^unexpected error/);
      return;
    }
    const { market } = result;
    for (const odds of [market.thisOdds, market.thatOdds]) {
      if (odds !== null) expect(odds >= 0 && odds <= 1).toBe(true);
    }
    if (market.bettable) {
      expect(market.closed).toBe(false);
      expect(market.thisOdds).toBeGreaterThan(0);
      expect(market.thisOdds).toBeLessThan(1);
      expect(market.thatOdds).toBeGreaterThan(0);
      expect(market.thatOdds).toBeLessThan(1);
    }
    if (market.result.state === "final") expect(market.closed).toBe(true);
  }

  it("never throws on arbitrary values", () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true }), (raw) => {
        expectSaneResult(mapGammaMarket(raw));
      }),
    );
  });

  it("never throws on Gamma-like records with arbitrary field values", () => {
    const jsonText = fc.jsonValue().map((value) => JSON.stringify(value));
    const priceText = fc.oneof(
      fc.double({ noNaN: false }).map(String),
      fc.constantFrom("0", "1", "0.5", "0.99996", "-0", "1e-7", " 0.3 ", ""),
    );
    const anyValue = fc.oneof(fc.jsonValue(), jsonText, fc.string());
    const record = fc.record(
      {
        id: fc.oneof(fc.nat().map(String), fc.nat(), anyValue),
        question: fc.oneof(fc.string(), anyValue),
        outcomes: fc.oneof(
          fc.array(fc.string(), { maxLength: 4 }).map((list) => JSON.stringify(list)),
          fc.constantFrom('["Yes", "No"]', '["No", "Yes"]', '["Up", "Down"]'),
          anyValue,
        ),
        outcomePrices: fc.oneof(
          fc.array(priceText, { maxLength: 4 }).map((list) => JSON.stringify(list)),
          anyValue,
        ),
        closed: fc.oneof(fc.boolean(), anyValue),
        umaResolutionStatus: fc.oneof(
          fc.constantFrom("resolved", "proposed", "disputed"),
          anyValue,
        ),
        acceptingOrders: fc.oneof(fc.boolean(), anyValue),
        enableOrderBook: fc.oneof(fc.boolean(), anyValue),
        endDate: fc.oneof(
          fc.date().map((d) => (Number.isNaN(d.getTime()) ? "x" : d.toISOString())),
          anyValue,
        ),
        endDateIso: anyValue,
        closedTime: anyValue,
        updatedAt: anyValue,
        volume: anyValue,
        volumeNum: fc.oneof(fc.double(), anyValue),
        liquidityNum: fc.oneof(fc.double(), anyValue),
        category: anyValue,
      },
      { requiredKeys: [] },
    );

    fc.assert(
      fc.property(record, (raw) => {
        expectSaneResult(mapGammaMarket(raw));
      }),
      { numRuns: 500 },
    );
  });
});
