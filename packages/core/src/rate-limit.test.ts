import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../../scripts/test/db";
import { loadConfig } from "./config";
import { type CoreContext, createContext } from "./context";
import type { Db } from "./db";
import { limitsOf } from "./limits";
import {
  enforce,
  hit,
  RateLimitExceeded,
  type RateLimitRule,
  rateLimitExceeded,
} from "./rate-limit";
import { serviceFor } from "./service";

let db: Db;

beforeAll(async () => {
  db = await createTestDb("rate-limit");
});

/** A context whose clock the test moves; starts 10 s into the next hour, so TTLs lie ahead. */
function contextWithClock() {
  const hour = 3_600_000;
  let now = Math.ceil(Date.now() / hour) * hour + 10_000;
  const ctx: CoreContext = createContext({
    db,
    config: loadConfig({}),
    clock: () => new Date(now),
  });
  return {
    ctx,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const rule = (limit: number): RateLimitRule => ({
  name: `test-${randomUUID()}`,
  limit,
  windowSeconds: 3_600,
});
const subject = () => `ip:${randomUUID()}`;

describe("hit", () => {
  it("allows `limit` hits in a window and refuses the next with a retry time", async () => {
    const { ctx } = contextWithClock();
    const login = rule(10);
    const ip = subject();

    const allowed = [];
    for (let i = 0; i < 10; i++) allowed.push(await hit(ctx, login, ip));
    const refused = await hit(ctx, login, ip);

    expect(allowed.map((result) => result.allowed)).toEqual(Array(10).fill(true));
    expect(allowed.map((result) => result.remaining)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect(refused).toMatchObject({ allowed: false, remaining: 0 });
    // 10 s into the hour: 3,590 s until the window ends.
    expect(refused.retryAfterSeconds).toBe(3_590);
    expect(refused.resetAt.getTime() - ctx.clock().getTime()).toBe(3_590_000);
  });

  it("does not count refused hits, and starts afresh once the window is over", async () => {
    const { ctx, advance } = contextWithClock();
    const limited = rule(2);
    const ip = subject();
    await hit(ctx, limited, ip);
    await hit(ctx, limited, ip);
    await hit(ctx, limited, ip);

    advance(3_589_000);
    const lastSecond = await hit(ctx, limited, ip);
    advance(1_000);
    const nextWindow = await hit(ctx, limited, ip);

    expect(lastSecond).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    expect(nextWindow).toMatchObject({ allowed: true, remaining: 1, retryAfterSeconds: 0 });
    const { data: windows } = await serviceFor(db)
      .entities.rateLimitWindow.query.byWindow({ limit: limited.name, subject: ip })
      .go({ consistent: true });
    expect(windows.map((window) => window.count)).toEqual([2, 1]);
  });

  it("lets exactly `limit` of many concurrent hits through", async () => {
    const { ctx } = contextWithClock();
    const limited = rule(10);
    const ip = subject();

    const results = await Promise.all(Array.from({ length: 30 }, () => hit(ctx, limited, ip)));

    expect(results.filter((result) => result.allowed)).toHaveLength(10);
    const { data: windows } = await serviceFor(db)
      .entities.rateLimitWindow.query.byWindow({ limit: limited.name, subject: ip })
      .go({ consistent: true });
    expect(windows.map((window) => window.count)).toEqual([10]);
  });

  it("counts subjects and rules independently", async () => {
    const { ctx } = contextWithClock();
    const limited = rule(1);
    const other = rule(1);
    const ip = subject();

    const first = await hit(ctx, limited, ip);
    const again = await hit(ctx, limited, ip);
    const otherSubject = await hit(ctx, limited, subject());
    const otherRule = await hit(ctx, other, ip);

    expect([first.allowed, again.allowed, otherSubject.allowed, otherRule.allowed]).toEqual([
      true,
      false,
      true,
      true,
    ]);
  });

  it("stores the count with a TTL after the window's end", async () => {
    const { ctx } = contextWithClock();
    const limited = rule(3);
    const ip = subject();

    const result = await hit(ctx, limited, ip);

    const { data: windows } = await serviceFor(db)
      .entities.rateLimitWindow.query.byWindow({ limit: limited.name, subject: ip })
      .go({ consistent: true });
    const end = result.resetAt.getTime() / 1000;
    expect(windows).toHaveLength(1);
    expect(windows[0]?.windowStart).toBe(end - 3_600);
    expect(windows[0]?.ttl).toBeGreaterThan(end);
  });
});

describe("enforce", () => {
  it("throws RateLimitExceeded with the rule and retry time once the limit is used", async () => {
    const { ctx } = contextWithClock();
    const limited = rule(1);
    const ip = subject();
    await enforce(ctx, limited, ip);

    const refused = enforce(ctx, limited, ip);

    await expect(refused).rejects.toBeInstanceOf(RateLimitExceeded);
    await expect(refused).rejects.toMatchObject({
      code: "RATE_LIMIT_EXCEEDED",
      retryAfterSeconds: 3_590,
      details: { rule: limited.name, limit: 1, windowSeconds: 3_600, retryAfterSeconds: 3_590 },
    });
  });
});

describe("a window with hits recorded elsewhere (countedElsewhere)", () => {
  it("leaves that many fewer to the counter, and none when they fill the window", async () => {
    const { ctx } = contextWithClock();
    const limited = rule(3);
    const subject = `user:${randomUUID()}`;

    const hits = [];
    for (let n = 0; n < 3; n++)
      hits.push(await hit(ctx, limited, subject, { countedElsewhere: 1 }));

    expect(hits.map((result) => [result.allowed, result.remaining])).toEqual([
      [true, 1],
      [true, 0],
      [false, 0],
    ]);
    expect((await hit(ctx, limited, `user:${randomUUID()}`, { countedElsewhere: 3 })).allowed).toBe(
      false,
    );
    expect(rateLimitExceeded(ctx, limited)).toMatchObject({
      code: "RATE_LIMIT_EXCEEDED",
      retryAfterSeconds: 3_590,
    });
  });
});

describe("limitsOf", () => {
  const rateLimitRules = limitsOf(loadConfig({})).rateLimits;

  it("defaults registration to 5, login to 10 and resets to 5 per hour", () => {
    expect(rateLimitRules.register).toMatchObject({ limit: 5, windowSeconds: 3_600 });
    expect(rateLimitRules.login).toMatchObject({ limit: 10, windowSeconds: 3_600 });
    expect(rateLimitRules.passwordReset).toMatchObject({ limit: 5, windowSeconds: 3_600 });
    expect(rateLimitRules.bets).toMatchObject({ limit: 30, windowSeconds: 60 });
    expect(rateLimitRules.predictionSessionsPerHour).toMatchObject({
      limit: 10,
      windowSeconds: 3_600,
    });
    expect(rateLimitRules.predictionSessionsPerDay).toMatchObject({
      limit: 50,
      windowSeconds: 86_400,
    });
  });

  it("takes every limit from the environment", () => {
    const raised = limitsOf(
      loadConfig({
        LOGIN_PER_IP_PER_HOUR: "1000",
        BETS_PER_USER_PER_MINUTE: "500",
        MAX_MODELS_PER_SESSION: "3",
      }),
    );
    expect(raised.rateLimits.login.limit).toBe(1000);
    expect(raised.rateLimits.bets.limit).toBe(500);
    expect(raised.maxModelsPerSession).toBe(3);
  });

  it("refuses a limit of 0 at startup", () => {
    expect(() => loadConfig({ LOGIN_PER_IP_PER_HOUR: "0" })).toThrow(/LOGIN_PER_IP_PER_HOUR/);
  });
});
