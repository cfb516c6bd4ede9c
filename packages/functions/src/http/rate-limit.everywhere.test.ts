import { describe, expect, it } from "vitest";
import { createTestApp, jsonRequest } from "../test-support/app";
import { bearer, registerUser } from "../test-support/users";

// The general limits: every authenticated route without its own limit counts
// against REQUESTS_PER_USER_PER_MINUTE, public market reads against
// ANONYMOUS_READS_PER_IP_PER_MINUTE. A fixed clock keeps every request in one window.
const now = new Date("2026-03-01T12:00:10.000Z");

async function appWith(env: Record<string, string>) {
  return createTestApp({ env, clock: () => now });
}

describe("the per-user limit on authenticated routes", () => {
  it("answers the 101st request within a minute with 429, Retry-After and RateLimit-*", async () => {
    const { app } = await appWith({ REQUESTS_PER_USER_PER_MINUTE: "100" });
    const user = await registerUser(app);
    const other = await registerUser(app);

    const statuses: number[] = [];
    let last: Response | undefined;
    for (let n = 0; n < 100; n++) {
      last = await app.request("/api/v1/users/me", { headers: bearer(user.accessToken) });
      statuses.push(last.status);
    }
    const refused = await app.request("/api/v1/users/me", { headers: bearer(user.accessToken) });

    expect(statuses.every((status) => status === 200)).toBe(true);
    expect(last?.headers.get("RateLimit-Limit")).toBe("100");
    expect(last?.headers.get("RateLimit-Remaining")).toBe("0");
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ code: "RATE_LIMIT_EXCEEDED", statusCode: 429 });
    expect(refused.headers.get("Retry-After")).toBe("50");
    expect(refused.headers.get("RateLimit-Limit")).toBe("100");
    expect(refused.headers.get("RateLimit-Remaining")).toBe("0");
    expect(refused.headers.get("RateLimit-Reset")).toBe("50");
    // Another user has a window of their own.
    const others = await app.request("/api/v1/users/me", { headers: bearer(other.accessToken) });
    expect(others.status).toBe(200);
  });

  it("changes nothing on a refused request", async () => {
    const { app } = await appWith({ REQUESTS_PER_USER_PER_MINUTE: "1" });
    const user = await registerUser(app);
    await app.request("/api/v1/users/me", { headers: bearer(user.accessToken) });

    const refused = await app.request(
      "/api/v1/users/me",
      jsonRequest("PATCH", { username: "renamed_while_limited" }, bearer(user.accessToken)),
    );

    expect(refused.status).toBe(429);
    expect(await registeredName(app, user.user.id)).toBe(user.user.username);
  });

  it("lets the 101st request through when configuration raises the limit", async () => {
    const { app } = await appWith({ REQUESTS_PER_USER_PER_MINUTE: "101" });
    const user = await registerUser(app);

    for (let n = 0; n < 100; n++) {
      await app.request("/api/v1/users/me", { headers: bearer(user.accessToken) });
    }
    const hundredAndFirst = await app.request("/api/v1/users/me", {
      headers: bearer(user.accessToken),
    });

    expect(hundredAndFirst.status).toBe(200);
    expect(hundredAndFirst.headers.get("RateLimit-Remaining")).toBe("0");
  });
});

describe("the per-IP limit on anonymous market reads", () => {
  it("refuses the read past the limit with 429 and Retry-After", async () => {
    const { app } = await appWith({ ANONYMOUS_READS_PER_IP_PER_MINUTE: "3" });
    const ip = { "x-forwarded-for": "203.0.113.77" };

    const allowed = [];
    for (let n = 0; n < 3; n++)
      allowed.push((await app.request("/api/v1/markets", { headers: ip })).status);
    const refused = await app.request("/api/v1/markets", { headers: ip });
    const otherIp = await app.request("/api/v1/markets", {
      headers: { "x-forwarded-for": "203.0.113.78" },
    });

    expect(allowed).toEqual([200, 200, 200]);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toBe("50");
    expect(refused.headers.get("RateLimit-Limit")).toBe("3");
    expect(otherIp.status).toBe(200);
  });
});

async function registeredName(app: Awaited<ReturnType<typeof appWith>>["app"], userId: string) {
  const response = await app.request(`/api/v1/users/${userId}`);
  return ((await response.json()) as { username: string }).username;
}

describe("the limits every read passes", () => {
  it("count in the process: a read writes nothing to the table", async () => {
    const setup = await appWith({ REQUESTS_PER_USER_PER_MINUTE: "100" });
    const user = await registerUser(setup.app);
    const writes: string[] = [];
    setup.core.db.client.middlewareStack.add(
      (next, context) => async (args) => {
        if (!/^(Get|BatchGet|Query|TransactGet)/.test(context.commandName ?? "")) {
          writes.push(context.commandName ?? "?");
        }
        return next(args);
      },
      { step: "initialize", name: "countWrites" },
    );
    // The first signed-in request of the day may count the user active (analytics).
    await setup.app.request("/api/v1/users/me", { headers: bearer(user.accessToken) });
    writes.length = 0;

    for (let n = 0; n < 5; n++) {
      const mine = await setup.app.request("/api/v1/users/me", {
        headers: bearer(user.accessToken),
      });
      const markets = await setup.app.request("/api/v1/markets", {
        headers: { "x-forwarded-for": "203.0.113.9" },
      });
      expect([mine.status, markets.status]).toEqual([200, 200]);
      expect(mine.headers.get("RateLimit-Remaining")).toBe(String(100 - 2 - n));
    }

    expect(writes).toEqual([]);
  });
});
