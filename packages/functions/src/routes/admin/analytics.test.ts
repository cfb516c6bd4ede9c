import type { CreditDay } from "@market/core/analytics";
import { createMarket } from "@market/core/markets";
import { beforeAll, describe, expect, it } from "vitest";
import type { createTestApp } from "../../test-support/app";
import { jsonRequest } from "../../test-support/app";
import { aNewMarket } from "../../test-support/core";
import {
  anAppWithAnAdmin,
  bearer,
  registerUser,
  type SignedInUser,
  uniqueName,
} from "../../test-support/users";

let setup: Awaited<ReturnType<typeof createTestApp>>;
let admin: SignedInUser;

// The app's and its workflows' clock: it runs at the real pace from noon UTC, so
// the whole file runs within one UTC day and "today" is always the day it acted on.
const noon = Date.parse("2026-03-04T12:00:00.000Z");
const started = Date.now();
const clock = () => new Date(noon + (Date.now() - started));
const today = () => clock().toISOString().slice(0, 10);

beforeAll(async () => {
  ({ setup, admin } = await anAppWithAnAdmin(
    {
      // A session of momentum alone fails (and is refunded); consensus succeeds.
      MODEL_FAULTS: "momentum:fail",
      // Few shards: concurrent transactions meet on them more often.
      COUNTER_SHARDS: "3",
      // Many registrations at once wait for the password-hash slots instead of a 503.
      PASSWORD_HASH_QUEUE_WAIT_MS: "120000",
    },
    { clock, stream: true },
  ));
});

/** The day counters follow the stream consumer: caught up before each read. */
const creditAnalytics = async (query: string, token = admin.accessToken) => {
  await setup.drainDerived();
  return setup.app.request(`/api/v1/admin/analytics/credits${query}`, { headers: bearer(token) });
};

/** Every figure summed over the last 3 days: everything this file's table holds. */
async function totals() {
  const response = await creditAnalytics("?days=3");
  expect(response.status).toBe(200);
  const { days } = (await response.json()) as { days: CreditDay[] };
  const sum: Record<string, number> = {};
  const add = (key: string, value: number | null) => {
    sum[key] = Math.round(((sum[key] ?? 0) + (value ?? 0)) * 100) / 100;
  };
  for (const day of days) {
    for (const [type, value] of Object.entries(day.issued)) add(`issued.${type}`, value);
    for (const [type, value] of Object.entries(day.spent)) add(`spent.${type}`, value);
    for (const key of [
      "issuedTotal",
      "spentTotal",
      "activeUsers",
      "bets",
      "betVolume",
      "sessions",
      "sessionsFailed",
    ] as const) {
      add(key, day[key]);
    }
  }
  return sum;
}

/** What changed between two `totals()`, without the zeros. */
function change(before: Record<string, number>, after: Record<string, number>) {
  return Object.fromEntries(
    Object.entries(after)
      .map(([key, value]) => [key, Math.round((value - (before[key] ?? 0)) * 100) / 100] as const)
      .filter(([, value]) => value !== 0),
  );
}

const post = (path: string, token: string, body: unknown, headers: Record<string, string> = {}) =>
  setup.app.request(`/api/v1${path}`, jsonRequest("POST", body, { ...bearer(token), ...headers }));

describe("GET /admin/analytics/credits", () => {
  it("refuses a user who is not an admin with 403", async () => {
    const user = await registerUser(setup.app);

    const response = await creditAnalytics("", user.accessToken);

    expect(response.status).toBe(403);
  });

  it.each([
    ["0", "days=0"],
    ["91", "days=91"],
    ["a fraction", "days=1.5"],
    ["a word", "days=week"],
    ["an unknown parameter", "days=3&from=2026-01-01"],
  ])("refuses %s with 400 naming the parameter", async (_label, query) => {
    const response = await creditAnalytics(`?${query}`);

    expect(response.status).toBe(400);
    const error = (await response.json()) as { code: string; details: { fields: object } };
    expect(error.code).toBe("VALIDATION_ERROR");
    expect(Object.keys(error.details.fields).join()).toMatch(/^query\./);
  });

  it("answers 30 UTC days by default, oldest first, every day present", async () => {
    const response = await creditAnalytics("");

    const { days } = (await response.json()) as { days: CreditDay[] };
    expect(days).toHaveLength(30);
    expect(days.at(-1)?.date).toBe(today());
    const dates = days.map((day) => Date.parse(day.date));
    expect(dates.slice(1).map((date, index) => date - (dates[index] as number))).toEqual(
      Array(29).fill(86_400_000),
    );
    expect(days[0]).toMatchObject({ issuedTotal: 0, bets: 0, averageBet: null });
  });

  it("counts what users and an admin did: grants, bets, payouts, sessions and a failed one", async () => {
    const before = await totals();
    const [ann, ben, cat] = await Promise.all([1, 2, 3].map(() => registerUser(setup.app)));
    if (!ann || !ben || !cat) throw new Error("registration failed");
    const { marketId } = await createMarket(setup.core, aNewMarket({ thisOdds: 0.5 }));
    const key = () => ({ "idempotency-key": uniqueName("k") });

    const responses = [
      await post("/admin/credits", admin.accessToken, {
        userId: ann.user.id,
        type: "admin_grant",
        amount: 250,
        reason: "prize",
      }),
      await post("/admin/credits", admin.accessToken, {
        userId: ben.user.id,
        type: "admin_adjustment",
        amount: -100,
        reason: "correction",
      }),
      await post("/bets", ann.accessToken, { marketId, side: "this", amount: 20 }, key()),
      await post("/bets", ben.accessToken, { marketId, side: "that", amount: 30.5 }, key()),
      await post("/rewards/daily", ann.accessToken, {}),
    ];
    const sessions = [
      await post("/predictions/sessions", cat.accessToken, {
        marketId,
        selectedModels: ["consensus", "base-rate"],
      }),
      await post("/predictions/sessions", cat.accessToken, {
        marketId,
        selectedModels: ["momentum"],
      }),
    ];
    for (const session of sessions) {
      const { sessionId } = (await session.json()) as { sessionId: string };
      await setup.sessions.settled(sessionId);
    }
    responses.push(
      await post(`/admin/markets/${marketId}/resolve`, admin.accessToken, { resolution: "this" }),
    );
    await Promise.all(setup.settlements);

    expect(responses.map((response) => response.status)).toEqual([201, 201, 201, 201, 201, 200]);
    expect(sessions.map((session) => session.status)).toEqual([201, 201]);
    expect(change(before, await totals())).toEqual({
      "issued.signup_bonus": 3000,
      "issued.admin_grant": 250,
      "issued.daily_reward": 100,
      "issued.bet_payout": 40,
      "issued.prediction_refund": 1,
      "spent.admin_adjustment": 100,
      "spent.bet_placed": 50.5,
      "spent.prediction_charge": 3,
      issuedTotal: 3391,
      spentTotal: 153.5,
      activeUsers: 3,
      bets: 2,
      betVolume: 50.5,
      sessions: 2,
      sessionsFailed: 1,
    });
    const lastDay = (await (await creditAnalytics("?days=1")).json()) as { days: CreditDay[] };
    expect(lastDay.days).toMatchObject([{ date: today(), bets: 2, averageBet: 25.25 }]);
  });

  it("counts every one of many concurrent credit movements, none refused as a conflict", async () => {
    const before = await totals();
    const users = await Promise.all(Array.from({ length: 24 }, () => registerUser(setup.app)));
    const { marketId } = await createMarket(setup.core, aNewMarket());

    const responses = await Promise.all(
      users.flatMap((user) => [
        post(
          "/bets",
          user.accessToken,
          { marketId, side: "this", amount: 10 },
          {
            "idempotency-key": uniqueName("k"),
          },
        ),
        post("/admin/credits", admin.accessToken, {
          userId: user.user.id,
          type: "admin_grant",
          amount: 5,
          reason: "bulk",
        }),
        post("/rewards/daily", user.accessToken, {}),
      ]),
    );

    expect(responses.filter((response) => response.status >= 300)).toEqual([]);
    expect(change(before, await totals())).toEqual({
      "issued.signup_bonus": 24_000,
      "issued.admin_grant": 120,
      "issued.daily_reward": 2_400,
      "spent.bet_placed": 240,
      issuedTotal: 26_520,
      spentTotal: 240,
      activeUsers: 24,
      bets: 24,
      betVolume: 240,
    });
    // 24 registrations (argon2id) and 72 concurrent credit movements, then the
    // stream read: 8 s alone, up to 30 s beside the suite's heaviest files.
  }, 90_000);
});

describe("GET /admin/analytics/predictions", () => {
  it("shows each model's successes and failures per day, every day of the range", async () => {
    const user = await registerUser(setup.app);
    const { marketId } = await createMarket(setup.core, aNewMarket());
    const outcomes = async () => {
      const response = await setup.app.request("/api/v1/admin/analytics/predictions?days=3", {
        headers: bearer(admin.accessToken),
      });
      const body = (await response.json()) as {
        modelOutcomesPerDay: {
          date: string;
          modelId: string;
          successes: number;
          failures: number;
        }[];
      };
      return body.modelOutcomesPerDay;
    };
    const count = (rows: Awaited<ReturnType<typeof outcomes>>, modelId: string) =>
      rows
        .filter((row) => row.modelId === modelId)
        .reduce(
          (sum, row) => ({
            successes: sum.successes + row.successes,
            failures: sum.failures + row.failures,
          }),
          { successes: 0, failures: 0 },
        );
    const before = await outcomes();

    for (const selectedModels of [["consensus", "momentum"], ["momentum"], ["consensus"]]) {
      const response = await post("/predictions/sessions", user.accessToken, {
        marketId,
        selectedModels,
      });
      const { sessionId } = (await response.json()) as { sessionId: string };
      await setup.sessions.settled(sessionId);
    }
    const after = await outcomes();

    const models = setup.deps.services.models.list().map((model) => model.id);
    expect(after).toHaveLength(3 * models.length);
    expect(after.slice(0, models.length).map((row) => row.modelId)).toEqual(models);
    expect(new Set(after.map((row) => row.date)).size).toBe(3);
    expect(count(after, "consensus").successes - count(before, "consensus").successes).toBe(2);
    expect(count(after, "momentum").failures - count(before, "momentum").failures).toBe(2);
    expect(count(after, "consensus").failures - count(before, "consensus").failures).toBe(0);
  });
});
