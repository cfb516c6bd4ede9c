import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import type { CoreContext } from "../context";
import { serviceFor } from "../service";
import { createTestContext } from "../test-support";
import { creditAnalytics } from "./credits";
import { moveMonthCounters } from "./migrate-daily-counters";

let ctx: CoreContext;

beforeAll(async () => {
  const base = await createTestContext();
  ctx = { ...base, clock: () => new Date("2026-12-06T12:00:00.000Z") };
});

/** A day counter shard as version 1 stored it: every shard of a month in one partition. */
async function monthShard(day: string, shard: number, counts: Record<string, number>) {
  const padded = String(shard).padStart(3, "0");
  await ctx.db.client.send(
    new PutCommand({
      TableName: ctx.db.table,
      Item: {
        pk: `$market#month_${day.slice(0, 7)}`,
        sk: `$dailycounter_1#day_${day}#shard_${padded}`,
        month: day.slice(0, 7),
        day,
        shard,
        ...counts,
        __edb_e__: "dailyCounter",
        __edb_v__: "1",
      },
    }),
  );
}

async function betsByDay() {
  const { days } = await creditAnalytics(ctx, 3);
  return Object.fromEntries(days.map((day) => [day.date, [day.bets, day.betVolume]]));
}

describe("moving the day counters out of their month partitions", () => {
  it("adds each day's old shards to the new ones, the same sums however often it runs", async () => {
    await monthShard("2026-12-05", 3, { bets: 2, spent_bet_placed: 5_000 });
    await monthShard("2026-12-05", 7, { bets: 1, spent_bet_placed: 1_050 });
    await monthShard("2026-12-04", 0, { bets: 4, spent_bet_placed: 4_000, activeUsers: 2 });
    // Written after the deploy, by the app, to a per-day shard.
    await serviceFor(ctx.db)
      .entities.dailyCounter.update({ day: "2026-12-05", shard: 1 })
      .add({ bets: 1, spent_bet_placed: 2_500 })
      .go();
    expect(await betsByDay()).toEqual({
      "2026-12-04": [0, 0],
      "2026-12-05": [1, 25],
      "2026-12-06": [0, 0],
    });

    expect(await moveMonthCounters(ctx, { dryRun: true })).toEqual({
      shardsRead: 3,
      daysWritten: 2,
    });
    expect((await betsByDay())["2026-12-05"]).toEqual([1, 25]);

    for (let run = 0; run < 2; run += 1) {
      expect(await moveMonthCounters(ctx)).toEqual({ shardsRead: 3, daysWritten: 2 });
      expect(await betsByDay()).toEqual({
        "2026-12-04": [4, 40],
        "2026-12-05": [4, 85.5],
        "2026-12-06": [0, 0],
      });
    }
    const { days } = await creditAnalytics(ctx, 3);
    expect(days[0]?.activeUsers).toBe(2);
  });
});
