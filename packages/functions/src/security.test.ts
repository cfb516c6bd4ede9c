/**
 * The holes an OWASP API Top 10 probe found (issue 13), each kept closed by a
 * test that talks to the real app on DynamoDB Local.
 */
import { createMarket } from "@market/core/markets";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app";
import { createTestApp, jsonRequest } from "./test-support/app";
import { aNewMarket } from "./test-support/core";
import {
  bearer,
  randomIp,
  registerUser,
  type SignedInUser,
  uniqueName,
} from "./test-support/users";

type Setup = Awaited<ReturnType<typeof createTestApp>>;
let setup: Setup;
let adminEmail: string;

const post = (
  target: Setup | { app: Setup["app"] },
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
) =>
  target.app.request(
    `/api/v1${path}`,
    jsonRequest("POST", body, { "x-forwarded-for": randomIp(), ...headers }),
  );

/** The newest email to `to` in the outbox, and the token its link carries. */
async function lastEmail(target: Setup, to: string, subject: RegExp) {
  const emails = (await target.outbox.list()).filter(
    (email) => email.to === to && subject.test(email.subject),
  );
  const [email] = emails;
  if (!email) throw new Error(`no email "${subject}" to ${to}`);
  const token = /token=([A-Za-z0-9_.-]+)/.exec(email.text)?.[1];
  if (!token) throw new Error(`no token in ${email.text}`);
  return { email, token, count: emails.length };
}

async function verifyEmailOf(target: Setup, to: string) {
  const { token } = await lastEmail(target, to, /verify/i);
  const response = await post(target, "/auth/email/verify", { token });
  expect(response.status).toBe(200);
}

async function login(target: Setup | { app: Setup["app"] }, email: string, password: string) {
  const response = await post(target, "/auth/login", { email, password });
  return { status: response.status, body: (await response.json()) as SignedInUser };
}

const me = (target: Setup | { app: Setup["app"] }, token: string) =>
  target.app.request("/api/v1/users/me", { headers: bearer(token) });

beforeAll(async () => {
  const adminName = uniqueName("admin");
  adminEmail = `${adminName}@example.com`;
  setup = await createTestApp({
    env: { ADMIN_EMAILS: adminEmail, PASSWORD_CHANGE_PER_USER_PER_HOUR: "3" },
  });
});

describe("1. the local outbox", () => {
  it("is not readable without an admin token", async () => {
    const user = await registerUser(setup.app);

    const anonymous = await setup.app.request("/api/v1/dev/outbox");
    const asUser = await setup.app.request("/api/v1/dev/outbox", {
      headers: bearer(user.accessToken),
    });

    expect(anonymous.status).toBe(401);
    expect(asUser.status).toBe(403);
  });
});

describe("2. admins and email verification", () => {
  it("grants ADMIN_EMAILS' role only once the address is verified, and re-derives it at each sign-in", async () => {
    const admin = await registerUser(setup.app, { email: adminEmail });
    expect(admin.user.role).toBe("user");

    await verifyEmailOf(setup, adminEmail);
    const signedIn = await login(setup, adminEmail, admin.password);
    expect(signedIn.body.user.role).toBe("admin");

    const delisted = {
      app: createApp({ ...setup.deps, config: { ...setup.config, ADMIN_EMAILS: [] } }),
    };
    expect((await login(delisted, adminEmail, admin.password)).body.user.role).toBe("user");
  });

  it("refuses a forged or foreign verification token", async () => {
    const response = await post(setup, "/auth/email/verify", { token: "e30.e30.e30-not-a-token" });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "INVALID_VERIFICATION_TOKEN" });
  });
});

describe("4. changing the password", () => {
  it("is limited per user: the 4th attempt within the hour is a 429", async () => {
    const user = await registerUser(setup.app);
    const attempt = () =>
      post(
        setup,
        "/auth/password",
        { currentPassword: "wrong password guess", newPassword: "Another quite long passphrase 7" },
        bearer(user.accessToken),
      );

    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt()).status);

    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it("bounds concurrent password hashes: past the queue's short wait it answers 503 with Retry-After", async () => {
    const tight = await createTestApp({
      env: { PASSWORD_HASH_CONCURRENCY: "1", PASSWORD_HASH_QUEUE_WAIT_MS: "1" },
    });
    const user = await registerUser(tight.app);

    const responses = await Promise.all(
      Array.from({ length: 6 }, () =>
        post(tight, "/auth/login", { email: user.user.email, password: user.password }),
      ),
    );
    const busy = responses.filter((response) => response.status === 503);

    expect(busy.length).toBeGreaterThan(0);
    expect(busy[0]?.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await busy[0]?.json()).toMatchObject({ code: "AUTH_BUSY" });
    expect(responses.some((response) => response.status === 200)).toBe(true);
  });
});

describe("5. reset tokens", () => {
  it("invalidates every outstanding reset token once one is used", async () => {
    const user = await registerUser(setup.app);
    await post(setup, "/auth/password-reset/request", { email: user.user.email });
    const first = await lastEmail(setup, user.user.email, /reset/i);
    await post(setup, "/auth/password-reset/request", { email: user.user.email });
    const second = await lastEmail(setup, user.user.email, /reset/i);
    expect(second.token).not.toBe(first.token);

    const used = await post(setup, "/auth/password-reset/confirm", {
      token: second.token,
      newPassword: "A brand new long passphrase 42",
    });
    const other = await post(setup, "/auth/password-reset/confirm", {
      token: first.token,
      newPassword: "Yet another long passphrase 43",
    });

    expect(used.status).toBe(200);
    expect(other.status).toBe(400);
    expect(await other.json()).toMatchObject({ code: "INVALID_RESET_TOKEN" });
  });

  it("invalidates outstanding reset tokens when the password is changed", async () => {
    const user = await registerUser(setup.app);
    await post(setup, "/auth/password-reset/request", { email: user.user.email });
    const { token } = await lastEmail(setup, user.user.email, /reset/i);

    const changed = await post(
      setup,
      "/auth/password",
      { currentPassword: user.password, newPassword: "A brand new long passphrase 42" },
      bearer(user.accessToken),
    );
    const reset = await post(setup, "/auth/password-reset/confirm", {
      token,
      newPassword: "Yet another long passphrase 43",
    });

    expect(changed.status).toBe(200);
    expect(reset.status).toBe(400);
  });

  it("sends at most PASSWORD_RESET_PER_HOUR emails per address, whatever the client IPs", async () => {
    const user = await registerUser(setup.app);
    for (let i = 0; i < 7; i++) {
      const response = await post(setup, "/auth/password-reset/request", {
        email: user.user.email,
      });
      expect(response.status).toBe(202);
    }
    const { count } = await lastEmail(setup, user.user.email, /reset/i);
    expect(count).toBe(setup.config.PASSWORD_RESET_PER_HOUR);
  });
});

describe("6. enumeration through the reset request", () => {
  it("answers as slowly for an unknown email as for an existing one", async () => {
    const user = await registerUser(setup.app);
    const time = async (email: string) => {
      const started = performance.now();
      const response = await post(setup, "/auth/password-reset/request", { email });
      expect(response.status).toBe(202);
      return performance.now() - started;
    };
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[2] as number;
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(await time(user.user.email));
      unknown.push(await time(`${uniqueName()}@example.com`));
    }

    const floor = setup.config.PASSWORD_RESET_RESPONSE_MS;
    expect(median(known)).toBeGreaterThanOrEqual(floor - 1);
    expect(median(unknown)).toBeGreaterThanOrEqual(floor - 1);
    expect(Math.abs(median(known) - median(unknown))).toBeLessThan(25);
  });
});

describe("7. access tokens end with logout, password change and reset", () => {
  it("refuses the access token of a logged-out session", async () => {
    const user = await registerUser(setup.app);
    expect((await me(setup, user.accessToken)).status).toBe(200);

    await post(
      setup,
      "/auth/logout",
      { refreshToken: user.refreshToken },
      bearer(user.accessToken),
    );

    expect((await me(setup, user.accessToken)).status).toBe(401);
  });

  it("refuses every earlier access token after a password change", async () => {
    const user = await registerUser(setup.app);
    const other = await login(setup, user.user.email, user.password);

    const changed = await post(
      setup,
      "/auth/password",
      { currentPassword: user.password, newPassword: "A brand new long passphrase 42" },
      bearer(user.accessToken),
    );

    expect(changed.status).toBe(200);
    expect((await me(setup, user.accessToken)).status).toBe(401);
    expect((await me(setup, other.body.accessToken)).status).toBe(401);
    const fresh = await login(setup, user.user.email, "A brand new long passphrase 42");
    expect((await me(setup, fresh.body.accessToken)).status).toBe(200);
  });

  it("refuses earlier access tokens after a reset", async () => {
    const user = await registerUser(setup.app);
    await post(setup, "/auth/password-reset/request", { email: user.user.email });
    const { token } = await lastEmail(setup, user.user.email, /reset/i);

    await post(setup, "/auth/password-reset/confirm", {
      token,
      newPassword: "A brand new long passphrase 42",
    });

    expect((await me(setup, user.accessToken)).status).toBe(401);
  });
});

describe("8. sub-cent amounts", () => {
  it("refuses a bet of 10.000000001 and leaves the balance alone", async () => {
    const user = await registerUser(setup.app);
    const { marketId } = await createMarket(setup.core, aNewMarket({ title: "Sub-cent probe" }));

    const response = await setup.app.request(
      "/api/v1/bets",
      jsonRequest(
        "POST",
        '{"marketId":"MARKET","side":"this","amount":10.000000001}'.replace("MARKET", marketId),
        bearer(user.accessToken),
      ),
    );

    expect(response.status).toBe(400);
    expect((await (await me(setup, user.accessToken)).json()) as object).toMatchObject({
      creditBalance: 1000,
    });
  });
});

describe("10. weak passwords", () => {
  it.each(["aaaaaaaaaa", "1234567890", "password12", "qwertyuiop"])(
    "refuses %s at registration",
    async (password) => {
      const username = uniqueName();
      const response = await post(setup, "/auth/register", {
        username,
        email: `${username}@example.com`,
        password,
      });

      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        code: "WEAK_PASSWORD",
        details: { fields: { password: expect.any(String) } },
      });
    },
  );

  it("refuses the user's own email or username as the password", async () => {
    const username = uniqueName("weak");
    const email = `${username}@example.com`;
    for (const password of [email, `${username}2024`]) {
      const response = await post(setup, "/auth/register", { username, email, password });
      expect(response.status).toBe(400);
    }
  });
});

describe("11. Idempotency-Key on prediction sessions", () => {
  it("answers a reused key with another body 409 IDEMPOTENCY_KEY_REUSED showing only the client's key", async () => {
    const user = await registerUser(setup.app);
    const { marketId } = await createMarket(
      setup.core,
      aNewMarket({ title: "Idempotency probe", thisOdds: 0.6 }),
    );
    const key = uniqueName("key");
    const start = (selectedModels: string[]) =>
      setup.app.request(
        "/api/v1/predictions/sessions",
        jsonRequest(
          "POST",
          { marketId, selectedModels },
          { ...bearer(user.accessToken), "idempotency-key": key },
        ),
      );

    expect((await start(["consensus"])).status).toBe(201);
    const reused = await start(["momentum"]);

    expect(reused.status).toBe(409);
    expect(await reused.json()).toMatchObject({
      code: "IDEMPOTENCY_KEY_REUSED",
      details: { key },
    });
  });

  it("shows only the client's key when a bet's key is reused", async () => {
    const user = await registerUser(setup.app);
    const { marketId } = await createMarket(
      setup.core,
      aNewMarket({ title: "Bet key probe", thisOdds: 0.6 }),
    );
    const key = uniqueName("key");
    const bet = (amount: number) =>
      setup.app.request(
        "/api/v1/bets",
        jsonRequest(
          "POST",
          { marketId, side: "this", amount },
          { ...bearer(user.accessToken), "idempotency-key": key },
        ),
      );

    expect((await bet(10)).status).toBe(201);
    const reused = await bet(20);
    const body = JSON.stringify(await reused.json());

    expect(reused.status).toBe(409);
    expect(body).toContain(key);
    expect(body).not.toContain(`bet#${user.user.id}`);
  });
});

describe("13. headers and the docs UI", () => {
  it("sends a strict CSP, nosniff and frame denial on API responses", async () => {
    const response = await setup.app.request("/api/v1/health");

    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("serves the docs UI from the app itself, with no third-party origin", async () => {
    const page = await setup.app.request("/api/v1/docs");
    const html = await page.text();

    expect(page.status).toBe(200);
    expect(html).not.toMatch(/https?:\/\//);
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    const script = /<script src="([^"]+)"/.exec(html)?.[1] ?? "";
    const asset = await setup.app.request(script);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("content-type")).toMatch(/javascript/);
  });
});

describe("14. usernames", () => {
  it.each(["administrator", "support", "root", "admin"])("reserves %s", async (username) => {
    const response = await post(setup, "/auth/register", {
      username,
      email: `${uniqueName()}@example.com`,
      password: "a long enough password",
    });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ code: "USERNAME_TAKEN" });
  });

  it("refuses a name whose confusable skeleton matches an existing one", async () => {
    const base = `alice${uniqueName("")
      .slice(1, 7)
      .replace(/[01ilmo]/gi, "x")}`;
    await registerUser(setup.app, { username: base });
    for (const lookalike of [base.replace("l", "I"), base.replace("l", "1")]) {
      const response = await post(setup, "/auth/register", {
        username: lookalike,
        email: `${uniqueName()}@example.com`,
        password: "a long enough password",
      });
      expect(response.status, lookalike).toBe(409);
    }
  });
});

describe("15. market odds", () => {
  it("refuses an admin market whose odds do not sum to 1", async () => {
    const admin = await registerUser(setup.app, { email: `${uniqueName("a")}@example.com` });
    const app = createApp({
      ...setup.deps,
      config: { ...setup.config, ADMIN_EMAILS: [admin.user.email] },
    });
    await verifyEmailOf(setup, admin.user.email);
    const signedIn = await login({ app }, admin.user.email, admin.password);
    expect(signedIn.body.user.role).toBe("admin");

    const response = await app.request(
      "/api/v1/admin/markets",
      jsonRequest(
        "POST",
        {
          title: "Pays 100x either way",
          description: "",
          thisOption: "Yes",
          thatOption: "No",
          thisOdds: 0.01,
          thatOdds: 0.01,
          expiresAt: "2099-01-01T00:00:00Z",
        },
        bearer(signedIn.body.accessToken),
      ),
    );

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "VALIDATION_ERROR" });
  });
});
