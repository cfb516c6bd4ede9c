import { consume, getBalance, history as ledgerHistory, reconcile } from "@market/core/ledger";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../test-support/app";
import { bearer, registerUser, type SignedInUser } from "../../test-support/users";

const hour = 60 * 60 * 1000;
const minute = 60 * 1000;
// Tokens outlive the jumps of the test clock.
const env = { ACCESS_TOKEN_TTL_SECONDS: String(365 * 24 * 60 * 60) };

let now = new Date("2026-03-01T08:00:00.000Z");
let setup: Awaited<ReturnType<typeof createTestApp>>;

beforeAll(async () => {
  setup = await createTestApp({ env, clock: () => now });
});

const claim = (session: SignedInUser) =>
  setup.app.request("/api/v1/rewards/daily", {
    method: "POST",
    headers: { ...bearer(session.accessToken), "content-type": "application/json" },
    body: "{}",
  });
const me = async (session: SignedInUser) =>
  (await (
    await setup.app.request("/api/v1/users/me", { headers: bearer(session.accessToken) })
  ).json()) as Record<string, unknown>;
const history = (session: SignedInUser, query = "") =>
  setup.app.request(`/api/v1/rewards/history${query}`, { headers: bearer(session.accessToken) });

describe("POST /rewards/daily", () => {
  it("grants once per rolling 24 h, keeps a streak within 48 h and resets it after a missed day", async () => {
    const start = new Date("2026-03-01T08:00:00.000Z");
    now = start;
    const ada = await registerUser(setup.app);

    const first = await claim(ada);
    expect(first.status).toBe(201);
    const granted = (await first.json()) as { reward: { id: string } };
    expect(granted).toEqual({
      reward: {
        id: expect.any(String),
        creditsAwarded: 100,
        claimedAt: start.toISOString(),
        streak: 1,
      },
      newBalance: 1100,
      nextClaimAvailable: new Date(start.getTime() + 24 * hour).toISOString(),
    });
    expect(await me(ada)).toMatchObject({
      lastDailyRewardAt: start.toISOString(),
      currentStreak: 1,
      longestStreak: 1,
      creditBalance: 1100,
    });

    now = new Date(start.getTime() + 24 * hour - minute);
    const early = await claim(ada);
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({
      error: "Daily reward already claimed",
      code: "DAILY_REWARD_CLAIMED",
      nextClaimAvailable: new Date(start.getTime() + 24 * hour).toISOString(),
    });
    expect((await getBalance(setup.core, ada.user.id)).balance).toBe(1100);

    const second = new Date(start.getTime() + 24 * hour);
    now = second;
    const onTime = await claim(ada);
    expect(onTime.status).toBe(201);
    expect(await onTime.json()).toMatchObject({ reward: { streak: 2 }, newBalance: 1200 });

    // 47 h later still continues the streak.
    now = new Date(second.getTime() + 47 * hour);
    expect(await (await claim(ada)).json()).toMatchObject({ reward: { streak: 3 } });

    // Then a missed day: more than 48 h since the last claim.
    now = new Date(second.getTime() + 47 * hour + 49 * hour);
    expect(await (await claim(ada)).json()).toMatchObject({ reward: { streak: 1 } });
    expect(await me(ada)).toMatchObject({
      currentStreak: 1,
      longestStreak: 3,
      creditBalance: 1400,
    });

    const entries = await ledgerHistory(setup.core, ada.user.id, { type: "daily_reward" });
    expect(entries.entries).toHaveLength(4);
    expect(entries.entries.every((entry) => entry.amount === 100)).toBe(true);
    expect((await reconcile(setup.core, ada.user.id)).consistent).toBe(true);
  });

  it("grants ten concurrent claims once", async () => {
    const racing = await createTestApp({
      env: { ...env, DAILY_REWARD_PER_USER_PER_MINUTE: "100" },
      clock: () => now,
    });
    const bo = await registerUser(racing.app);

    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        racing.app.request("/api/v1/rewards/daily", {
          method: "POST",
          headers: bearer(bo.accessToken),
        }),
      ),
    );

    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([201, ...Array(9).fill(409)]);
    expect((await getBalance(racing.core, bo.user.id)).balance).toBe(1100);
    const entries = await ledgerHistory(racing.core, bo.user.id, { type: "daily_reward" });
    expect(entries.entries).toHaveLength(1);
    const listed = await racing.app.request("/api/v1/rewards/history", {
      headers: bearer(bo.accessToken),
    });
    expect(await listed.json()).toMatchObject({ total: 1 });
  });

  it("counts granted and refused claims against 5 a minute", async () => {
    now = new Date("2026-04-01T10:00:30.000Z");
    const cy = await registerUser(setup.app);

    const statuses: number[] = [];
    for (let index = 0; index < 6; index++) statuses.push((await claim(cy)).status);

    expect(statuses).toEqual([201, 409, 409, 409, 409, 429]);
    now = new Date("2026-04-01T10:01:00.000Z");
    expect((await claim(cy)).status).toBe(409);
  });

  it("answers 401 without a token", async () => {
    const response = await setup.app.request("/api/v1/rewards/daily", { method: "POST" });
    expect(response.status).toBe(401);
  });
});

describe("GET /rewards/history", () => {
  it("pages newest first with total, limit, offset and a cursor", async () => {
    now = new Date("2026-05-01T00:00:00.000Z");
    const di = await registerUser(setup.app);
    const claimedAt: string[] = [];
    for (let day = 0; day < 5; day++) {
      now = new Date(Date.parse("2026-05-01T00:00:00.000Z") + day * 25 * hour);
      expect((await claim(di)).status).toBe(201);
      claimedAt.push(now.toISOString());
    }
    const newestFirst = [...claimedAt].reverse();

    const second = (await (await history(di, "?limit=2&offset=2")).json()) as {
      rewards: { claimedAt: string }[];
    };
    expect(second).toMatchObject({ total: 5, limit: 2, offset: 2 });
    expect(second.rewards.map((reward) => reward.claimedAt)).toEqual(newestFirst.slice(2, 4));

    const first = (await (await history(di, "?limit=3")).json()) as {
      rewards: { claimedAt: string }[];
      nextCursor: string;
    };
    const rest = (await (
      await history(di, `?limit=3&cursor=${encodeURIComponent(first.nextCursor)}`)
    ).json()) as { rewards: { claimedAt: string }[]; nextCursor: string | null };
    expect([...first.rewards, ...rest.rewards].map((reward) => reward.claimedAt)).toEqual(
      newestFirst,
    );
  });

  it.each([
    ["an offset beyond 10,000", "?offset=10001"],
    ["cursor and offset together", "?offset=0&cursor=abc"],
    ["a limit of 0", "?limit=0"],
  ])("refuses %s with 400", async (_label, query) => {
    const session = await registerUser(setup.app);
    const response = await history(session, query);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "VALIDATION_ERROR" });
  });
});

describe("the streak on a profile", () => {
  it("reads the streak until the window after the last claim ends, then 0, on every profile", async () => {
    const start = new Date("2026-04-01T08:00:00.000Z");
    now = start;
    const kit = await registerUser(setup.app);
    await claim(kit);
    now = new Date(start.getTime() + 24 * hour);
    await claim(kit);
    const own = async () =>
      (await (
        await setup.app.request(`/api/v1/users/${kit.user.id}`, {
          headers: bearer(kit.accessToken),
        })
      ).json()) as Record<string, unknown>;

    now = new Date(start.getTime() + 24 * hour + 48 * hour);
    expect(await me(kit)).toMatchObject({ currentStreak: 2, longestStreak: 2 });
    expect(await own()).toMatchObject({ currentStreak: 2 });

    now = new Date(start.getTime() + 24 * hour + 48 * hour + 1);
    expect(await me(kit)).toMatchObject({ currentStreak: 0, longestStreak: 2 });
    expect(await own()).toMatchObject({ currentStreak: 0 });
    // The next claim starts over at 1, as the profile said.
    expect(await (await claim(kit)).json()).toMatchObject({ reward: { streak: 1 } });
  });
});

describe("GET /users/me", () => {
  it("flags a balance below LOW_CREDIT_WARNING and has no ranks before a bet settles", async () => {
    const eve = await registerUser(setup.app);
    expect(await me(eve)).toMatchObject({ lowCredits: false, rankByPnL: null });

    await consume(setup.core, {
      userId: eve.user.id,
      amount: 990.01,
      type: "bet_placed",
      reason: "spent",
      idempotencyKey: `low#${eve.user.id}`,
    });

    expect(await me(eve)).toMatchObject({
      creditBalance: 9.99,
      lowCredits: true,
      rankByPnL: null,
      rankByVolume: null,
      currentStreak: 0,
      lastDailyRewardAt: null,
    });
  });
});
