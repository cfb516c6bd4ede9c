import { randomUUID } from "node:crypto";
import { type CoreContext, createContext, loadConfig } from "@market/core";
import { limitsOf } from "@market/core/limits";
import { enforce, type RateLimitRule } from "@market/core/rate-limit";
import { Hono } from "hono";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../../../scripts/test/db";
import { clientIp, ipSubject } from "./client-ip";
import { errorResponse, retryAfterHeaders } from "./errors";
import { rateLimit } from "./rate-limit";

interface TestEnv {
  Variables: { core: CoreContext };
}

let core: CoreContext;

beforeAll(async () => {
  const hour = 3_600_000;
  // 10 s into the next hour-aligned window: Retry-After is predictable and TTLs are in the future.
  const now = new Date(Math.ceil(Date.now() / hour) * hour + 10_000);
  core = createContext({
    db: await createTestDb("rate-limit-http"),
    config: loadConfig({}),
    clock: () => now,
  });
});

/** A fresh rule per app, so apps in this file do not share counts. */
const fresh = (rule: RateLimitRule): RateLimitRule => ({
  ...rule,
  name: `${rule.name}-${randomUUID()}`,
});

function appLimitedBy(rule: RateLimitRule, trustForwardedFor = true) {
  const app = new Hono<TestEnv>();
  app.use("*", async (c, next) => {
    c.set("core", core);
    await next();
  });
  app.post(
    "/login",
    rateLimit<TestEnv>(rule, (c) => ipSubject(clientIp(c, { trustForwardedFor }))),
    (c) => c.json({ ok: true }),
  );
  return app;
}

const from = (ip: string) => ({ method: "POST", headers: { "x-forwarded-for": ip } });

describe("rateLimit middleware", () => {
  it("answers the 11th login from one IP in an hour with 429 and Retry-After", async () => {
    const app = appLimitedBy(fresh(limitsOf(core.config).rateLimits.login));

    const allowed = [];
    for (let i = 0; i < 10; i++) allowed.push(await app.request("/login", from("203.0.113.7")));
    const refused = await app.request("/login", from("203.0.113.7"));

    expect(allowed.map((response) => response.status)).toEqual(Array(10).fill(200));
    expect(allowed[0]?.headers.get("ratelimit-limit")).toBe("10");
    expect(allowed.map((response) => response.headers.get("ratelimit-remaining"))).toEqual([
      "9",
      "8",
      "7",
      "6",
      "5",
      "4",
      "3",
      "2",
      "1",
      "0",
    ]);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("3590");
    expect(refused.headers.get("ratelimit-remaining")).toBe("0");
    expect(await refused.json()).toEqual({
      error: "Too many requests, try again later",
      code: "RATE_LIMIT_EXCEEDED",
      statusCode: 429,
      details: {
        rule: expect.stringMatching(/^login-/),
        limit: 10,
        windowSeconds: 3_600,
        retryAfterSeconds: 3_590,
      },
    });
  });

  it("counts each client IP on its own", async () => {
    const app = appLimitedBy(fresh({ name: "one", limit: 1, windowSeconds: 60 }));

    const first = await app.request("/login", from("203.0.113.7"));
    const again = await app.request("/login", from("203.0.113.7"));
    const other = await app.request("/login", from("198.51.100.1"));

    expect([first.status, again.status, other.status]).toEqual([200, 429, 200]);
  });

  it("ignores X-Forwarded-For unless told to trust it", async () => {
    const app = appLimitedBy(fresh({ name: "one", limit: 1, windowSeconds: 60 }), false);

    const first = await app.request("/login", from("203.0.113.7"));
    const spoofed = await app.request("/login", from("198.51.100.1"));

    // Both count as the same "unknown" client: a new header value is not a new client.
    expect([first.status, spoofed.status]).toEqual([200, 429]);
  });
});

describe("retryAfterHeaders in onError", () => {
  it("gives a RateLimitExceeded thrown in core a Retry-After", async () => {
    const rule = fresh({ name: "core", limit: 1, windowSeconds: 60 });
    const app = new Hono();
    app.post("/start", async () => {
      await enforce(core, rule, "user:u1");
      return new Response(null, { status: 204 });
    });
    app.onError((error, c) => {
      for (const [name, value] of Object.entries(retryAfterHeaders(error))) c.header(name, value);
      return errorResponse(c, 429, "RATE_LIMIT_EXCEEDED", error.message);
    });

    await app.request("/start", { method: "POST" });
    const refused = await app.request("/start", { method: "POST" });

    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("50");
  });

  it("adds nothing for other errors", () => {
    expect(retryAfterHeaders(new Error("boom"))).toEqual({});
  });
});

describe("clientIp", () => {
  const ipApp = (trustForwardedFor: boolean) => {
    const app = new Hono();
    app.get("/ip", (c) => c.text(clientIp(c, { trustForwardedFor })));
    return app;
  };
  const ipOf = async (
    trust: boolean,
    headers: Record<string, string> = {},
    env: Record<string, unknown> | undefined = undefined,
  ) => (await ipApp(trust).request("/ip", { headers }, env)).text();

  it("takes API Gateway's source IP behind API Gateway (HTTP API and REST API)", async () => {
    const httpApi = { requestContext: { http: { sourceIp: "203.0.113.7" } } };
    const restApi = { requestContext: { identity: { sourceIp: "203.0.113.8" } } };

    expect(await ipOf(false, { "x-forwarded-for": "1.2.3.4" }, httpApi)).toBe("203.0.113.7");
    expect(await ipOf(false, {}, restApi)).toBe("203.0.113.8");
  });

  it("takes the socket's peer under @hono/node-server, IPv4-mapped as plain IPv4", async () => {
    const node = { incoming: { socket: { remoteAddress: "::ffff:127.0.0.1" } } };

    expect(await ipOf(false, {}, node)).toBe("127.0.0.1");
  });

  it("takes the right-most X-Forwarded-For entry only when trusted", async () => {
    const httpApi = { requestContext: { http: { sourceIp: "10.0.0.1" } } };
    const headers = { "x-forwarded-for": "6.6.6.6, 203.0.113.9" };

    expect(await ipOf(true, headers, httpApi)).toBe("203.0.113.9");
    expect(await ipOf(false, headers, httpApi)).toBe("10.0.0.1");
  });

  it("ignores a forwarded value that is not an address, and says unknown without any", async () => {
    expect(await ipOf(true, { "x-forwarded-for": "not-an-ip" })).toBe("unknown");
    expect(await ipOf(true)).toBe("unknown");
  });

  it.each([
    ["203.0.113.7", "ip:203.0.113.7"],
    ["2001:db8:1:2:3:4:5:6", "ip:2001:db8:1:2::/64"],
    ["2001:db8::1", "ip:2001:db8:0:0::/64"],
    ["2001:0DB8:0001:0002::ff", "ip:2001:db8:1:2::/64"],
    ["::1", "ip:0:0:0:0::/64"],
    ["unknown", "ip:unknown"],
  ])("counts %s as %s", (ip, subject) => {
    expect(ipSubject(ip)).toBe(subject);
  });
});
