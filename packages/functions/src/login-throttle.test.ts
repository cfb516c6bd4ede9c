/**
 * Logins are limited per account as well as per IP (issue 28, ASVS 2.2.1): the
 * probe's 16 wrong passwords from 3 addresses, then the right one, got a 200.
 * Real HTTP to the app on DynamoDB Local.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "./test-support/app";
import { type ServedApp, serveOverLoopback } from "./test-support/http";
import { randomIp, registerUser, uniqueName } from "./test-support/users";

const failuresAllowed = 10;
let setup: Awaited<ReturnType<typeof createTestApp>>;
let server: ServedApp;

beforeAll(async () => {
  setup = await createTestApp({
    env: { LOGIN_FAILURES_PER_ACCOUNT_PER_HOUR: String(failuresAllowed) },
  });
  server = await serveOverLoopback(setup.app);
});
afterAll(() => server.close());

async function loginFrom(ip: string, email: string, password: string) {
  const response = await server.call("POST", "/auth/login", {
    body: { email, password },
    headers: { "x-forwarded-for": ip },
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/** `count` wrong passwords for `email`, spread over three fresh attacker IPs. */
async function guess(email: string, count: number) {
  const attackers = [randomIp(), randomIp(), randomIp()];
  const statuses: number[] = [];
  for (let n = 0; n < count; n += 1) {
    statuses.push((await loginFrom(attackers[n % 3] as string, email, `wrong guess ${n}`)).status);
  }
  return statuses;
}

describe("failed logins per account", () => {
  it("answers 429 with Retry-After past the limit, from any IP, even to the right password", async () => {
    const victim = await registerUser(setup.app);

    const statuses = await guess(victim.user.email, 16);

    expect(statuses.slice(0, failuresAllowed)).toEqual(Array(failuresAllowed).fill(401));
    expect(statuses.slice(failuresAllowed)).toEqual(Array(16 - failuresAllowed).fill(429));
    const right = await loginFrom("192.0.2.44", victim.user.email, victim.password);
    expect(right.status).toBe(429);
    expect(right.body).toMatchObject({
      code: "RATE_LIMIT_EXCEEDED",
      details: { rule: "login-failures" },
    });
    expect(right.body.error).toMatch(/reset the password/);
    expect(Number(right.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("throttles an unknown email the same way, so the 429 tells no account apart", async () => {
    const statuses = await guess(`${uniqueName("nobody")}@example.com`, failuresAllowed + 1);
    expect(statuses).toEqual([...Array(failuresAllowed).fill(401), 429]);
  });

  it("leaves other accounts alone", async () => {
    const victim = await registerUser(setup.app);
    const bystander = await registerUser(setup.app);
    await guess(victim.user.email, failuresAllowed + 1);
    expect((await loginFrom("192.0.2.45", bystander.user.email, bystander.password)).status).toBe(
      200,
    );
  });

  it("lets the owner back in through a reset link, which clears the failures", async () => {
    const victim = await registerUser(setup.app);
    await guess(victim.user.email, failuresAllowed + 1);

    const asked = await server.call("POST", "/auth/password-reset/request", {
      body: { email: victim.user.email },
    });
    expect(asked.status).toBe(202);
    let token: string | undefined;
    await expect
      .poll(async () => {
        const email = (await setup.outbox.list(500)).find(
          (message) => message.to === victim.user.email && /reset/i.test(message.subject),
        );
        token = /token=([A-Za-z0-9_-]+)/.exec(email?.text ?? "")?.[1];
        return token;
      })
      .toBeDefined();
    const newPassword = `fresh ${uniqueName("passphrase")}`;
    const reset = await server.call("POST", "/auth/password-reset/confirm", {
      body: { token, newPassword },
    });
    expect(reset.status).toBe(200);

    expect((await loginFrom("192.0.2.46", victim.user.email, newPassword)).status).toBe(200);
  });

  it("starts the count afresh after a successful login", async () => {
    const owner = await registerUser(setup.app);
    await guess(owner.user.email, failuresAllowed - 1);
    expect((await loginFrom("192.0.2.47", owner.user.email, owner.password)).status).toBe(200);
    expect(await guess(owner.user.email, failuresAllowed)).toEqual(
      Array(failuresAllowed).fill(401),
    );
  });
});
