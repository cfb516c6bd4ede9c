import { describe, expect, it } from "vitest";
import type { KeyTouch } from "../bench/aws-pricing";
import { classOf, keyRates, type MeasuredOperation, patternOf, type Scenario } from "./model";

const ids = {
  users: ["alice-1"],
  markets: ["01m968eh5gpxkj6k0qdvny0wra"],
  clientIps: ["127.0.0.1"],
};
const touch = (partition: string, units: Partial<KeyTouch>): KeyTouch => ({
  index: "table",
  partition,
  read: 0,
  write: 0,
  ...units,
});
const at = (perSecond: number, mix: Record<string, number>): Scenario => ({
  name: `${perSecond}`,
  rates: Object.fromEntries(Object.entries(mix).map(([name, share]) => [name, share * perSecond])),
  hotMarketShare: 0.25,
  userRequestsPerSecond: 100 / 60,
  clientRequestsPerSecond: 10,
});

describe("key patterns", () => {
  it.each([
    ["$market#userid_alice-1", "$market#userid_<user>", "user"],
    ["$market#marketid_01m968eh5gpxkj6k0qdvny0wra", "$market#marketid_<market>", "market"],
    ["$market#betid_01m969tskzfr8m149kk0fmt7f3", "$market#betid_<id>", "item"],
    ["$market#month_2026-12", "$market#month_<month>", "shared"],
    ["$market#scope_day#2026-12-06", "$market#scope_day#<day>", "shared"],
    [
      "$market#board_pnl#periodkey_week#2026-w49",
      "$market#board_pnl#periodkey_week#<week>",
      "shared",
    ],
    ["$market#shard_12", "$market#shard_<n>", "shared"],
    [
      "$market#limit_anonymous-reads#subject_ip:127.0.0.1",
      "$market#limit_anonymous-reads#subject_ip:<ip>",
      "client",
    ],
  ])("%s is %s (%s)", (value, pattern, keyClass) => {
    expect(patternOf(value, ids)).toBe(pattern);
    expect(classOf(pattern)).toBe(keyClass);
  });
});

describe("the hottest value of each key", () => {
  const bet: MeasuredOperation = {
    name: "bet",
    samples: [
      [touch("$market#month_2026-12", { write: 2 }), touch("$market#userid_alice-1", { write: 2 })],
      [touch("$market#month_2026-12", { write: 2 }), touch("$market#userid_alice-1", { write: 2 })],
    ],
  };

  it("sends the whole rate to a singleton and flags it above half a partition", () => {
    const [month] = keyRates([bet], ids, [at(1000, { bet: 0.15 }), at(5000, { bet: 0.15 })]);
    expect(month?.pattern).toBe("$market#month_<month>");
    expect(month?.rates["1000"]).toMatchObject({ write: 300, flagged: false });
    expect(month?.rates["5000"]).toMatchObject({ write: 1500, utilisation: 1.5, flagged: true });
  });

  it("divides a key spread over shards by the shards seen", () => {
    const sharded: MeasuredOperation = {
      name: "bet",
      samples: Array.from({ length: 10 }, (_, shard) => [
        touch(`$market#daily_2026-12#shard_${shard}`, { write: 2 }),
      ]),
    };
    const [key] = keyRates([sharded], ids, [at(5000, { bet: 0.15 })]);
    expect(key?.values).toBe(10);
    expect(key?.rates["5000"]).toMatchObject({ write: 150, flagged: false });
  });

  it("caps a user's key at what one user may send, whatever the total rate", () => {
    const rates = keyRates([bet], ids, [
      at(1000, { bet: 0.5, list: 0.5 }),
      at(5000, { bet: 0.5, list: 0.5 }),
    ]);
    const user = rates.find((key) => key.keyClass === "user");
    // 100 requests a minute, half of them bets, 2 WCU each.
    expect(user?.rates["1000"]?.write).toBeCloseTo(1.67, 2);
    expect(user?.rates["5000"]?.write).toBeCloseTo(1.67, 2);
  });

  it("gives the hottest market its share of market-scoped traffic", () => {
    const detail: MeasuredOperation = {
      name: "detail",
      samples: [[touch("$market#marketid_01m968eh5gpxkj6k0qdvny0wra", { read: 0.5 })]],
    };
    const [market] = keyRates([detail], ids, [at(5000, { detail: 0.2 })]);
    expect(market?.rates["5000"]?.read).toBe(5000 * 0.2 * 0.25 * 0.5);
  });

  it("divides a market's sharded keys by its shards, each its own partition", () => {
    const close: MeasuredOperation = {
      name: "close",
      samples: [
        Array.from({ length: 4 }, (_, shard) =>
          touch(`$market#marketid_01m968eh5gpxkj6k0qdvny0wra#shard_${shard}`, { write: 2 }),
        ),
      ],
    };
    const [gate] = keyRates([close], ids, [at(1000, { close: 1 })]);
    expect(gate?.pattern).toBe("$market#marketid_<market>#shard_<n>");
    expect(gate?.valuesPerMarket).toBe(4);
    // The hottest market's share, spread over its four gate items.
    expect(gate?.rates["1000"]?.write).toBe((1000 * 0.25 * 8) / 4);
  });
});
