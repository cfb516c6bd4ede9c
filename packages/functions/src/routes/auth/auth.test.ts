import { history } from "@market/core/ledger";
import { serviceFor } from "@market/core/service";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, jsonRequest } from "../../test-support/app";
import { bearer, randomIp, registerUser, uniqueName } from "../../test-support/users";

let setup: Awaited<ReturnType<typeof createTestApp>>;
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  setup.app.request(
    `/api/v1${path}`,
    jsonRequest("POST", body, { "x-forwarded-for": randomIp(), ...headers }),
  );

beforeAll(async () => {
  setup = await createTestApp({ env: { ADMIN_EMAILS: "Boss@Example.com" } });
});

describe("registration", () => {
  it("creates the user with the signup bonus as a ledger entry", async () => {
    const session = await registerUser(setup.app);

    expect(session.user).toMatchObject({ creditBalance: 1000, role: "user" });
    expect(session.accessToken.split(".")).toHaveLength(3);
    const page = await history(setup.core, session.user.id);
    expect(page.entries).toMatchObject([
      { type: "signup_bonus", amount: 1000, balanceAfter: 1000, seq: 1 },
    ]);
  });

  it("makes accounts listed in ADMIN_EMAILS admins, case-insensitively, once the address is verified", async () => {
    const response = await post("/auth/register", {
      username: uniqueName("boss"),
      email: "boss@example.com",
      password: "a long enough password",
    });
    expect(response.status).toBe(201);
    expect(((await response.json()) as { user: { role: string } }).user.role).toBe("user");

    const [verification] = (await setup.outbox.list(500)).filter(
      (email) => email.to === "boss@example.com" && /verify/i.test(email.subject),
    );
    const token = /token=([A-Za-z0-9_.-]+)/.exec(verification?.text ?? "")?.[1];
    expect((await post("/auth/email/verify", { token })).status).toBe(200);
    const login = await post("/auth/login", {
      email: "BOSS@example.com",
      password: "a long enough password",
    });
    expect(((await login.json()) as { user: { role: string } }).user.role).toBe("admin");
  });

  it.each([
    ["missing fields", {}, ["body.email", "body.password", "body.username"]],
    [
      "wrong types",
      { username: 42, email: true, password: ["x"] },
      ["body.email", "body.password", "body.username"],
    ],
    [
      "overlong strings",
      { username: "a".repeat(51), email: `${"a".repeat(250)}@x.io`, password: "p".repeat(129) },
      ["body.email", "body.password", "body.username"],
    ],
    [
      "a bad email and a short password",
      { username: "fine_name", email: "not-an-email", password: "short" },
      ["body.email", "body.password"],
    ],
    [
      "a username with forbidden characters",
      { username: "<script>", email: "x@example.com", password: "long enough pw" },
      ["body.username"],
    ],
  ])("refuses %s with 400 naming the fields", async (_label, body, fields) => {
    const response = await post("/auth/register", body);
    const error = (await response.json()) as { code: string; details: { fields: object } };

    expect(response.status).toBe(400);
    expect(error.code).toBe("VALIDATION_ERROR");
    expect(Object.keys(error.details.fields).sort()).toEqual(fields);
  });

  it("says what is wrong with each field in words for people, never zod's", async () => {
    const response = await post("/auth/register", {
      email: "not-an-email",
      password: "short",
      role: "admin",
    });
    const { details } = (await response.json()) as { details: { fields: Record<string, string> } };

    expect(details.fields).toEqual({
      "body.email": "must be an email address",
      "body.password": "must be at least 10 characters long",
      "body.username": "is required",
      "body.role": "is not allowed",
    });
    for (const message of Object.values(details.fields)) {
      expect(message).not.toMatch(/Too small|Invalid input|expected string|>=/);
    }
  });

  it("refuses fields the client may not set and creates nothing", async () => {
    const username = uniqueName();
    const response = await post("/auth/register", {
      username,
      email: `${username}@example.com`,
      password: "a long enough password",
      creditBalance: 1_000_000,
      role: "admin",
      id: "chosen-id",
    });
    const error = (await response.json()) as { details: { fields: object } };

    expect(response.status).toBe(400);
    expect(Object.keys(error.details.fields).sort()).toEqual([
      "body.creditBalance",
      "body.id",
      "body.role",
    ]);
    const login = await post("/auth/login", {
      email: `${username}@example.com`,
      password: "a long enough password",
    });
    expect(login.status).toBe(401);
  });

  it("lets exactly one of two concurrent registrations with one email win", async () => {
    const email = `${uniqueName()}@example.com`;

    const responses = await Promise.all(
      [uniqueName(), uniqueName()].map((username) =>
        post("/auth/register", { username, email, password: "a long enough password" }),
      ),
    );

    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([201, 409]);
    const conflict = responses.find((response) => response.status === 409);
    expect(await conflict?.json()).toMatchObject({ code: "EMAIL_TAKEN" });
    const guard = await serviceFor(setup.db).entities.uniqueEmail.get({ email }).go();
    const bonuses = await history(setup.core, guard.data?.userId ?? "", {
      type: "signup_bonus",
    });
    expect(bonuses.entries).toHaveLength(1);
  });

  it("lets exactly one of five concurrent registrations with one username win", async () => {
    const username = uniqueName();

    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        post("/auth/register", {
          username,
          email: `${uniqueName()}@example.com`,
          password: "a long enough password",
        }),
      ),
    );

    expect(responses.filter((response) => response.status === 201)).toHaveLength(1);
    for (const response of responses.filter((r) => r.status !== 201)) {
      expect(response.status).toBe(409);
      expect(await response.json()).toMatchObject({ code: "USERNAME_TAKEN" });
    }
  });

  it("treats usernames case-insensitively for uniqueness", async () => {
    const session = await registerUser(setup.app);

    const response = await post("/auth/register", {
      username: session.user.username.toUpperCase(),
      email: `${uniqueName()}@example.com`,
      password: "a long enough password",
    });

    expect(response.status).toBe(409);
  });
});

describe("login, refresh and logout", () => {
  it("runs the full flow and rotates refresh tokens", async () => {
    const { user, password } = await registerUser(setup.app);

    const login = await post("/auth/login", { email: user.email.toUpperCase(), password });
    expect(login.status).toBe(200);
    const first = (await login.json()) as { refreshToken: string; accessToken: string };

    const refreshed = await post("/auth/refresh", { refreshToken: first.refreshToken });
    expect(refreshed.status).toBe(200);
    const second = (await refreshed.json()) as { refreshToken: string; accessToken: string };
    expect(second.refreshToken).not.toBe(first.refreshToken);

    const me = await setup.app.request("/api/v1/users/me", { headers: bearer(second.accessToken) });
    expect(me.status).toBe(200);

    const logout = await post(
      "/auth/logout",
      { refreshToken: second.refreshToken },
      bearer(second.accessToken),
    );
    expect(logout.status).toBe(200);
    expect((await post("/auth/refresh", { refreshToken: second.refreshToken })).status).toBe(401);
  });

  it("refuses a rotated token and, on its reuse, revokes the whole family", async () => {
    const session = await registerUser(setup.app);
    const rotated = session.refreshToken;
    const next = (await (await post("/auth/refresh", { refreshToken: rotated })).json()) as {
      refreshToken: string;
    };

    const reuse = await post("/auth/refresh", { refreshToken: rotated });
    const newest = await post("/auth/refresh", { refreshToken: next.refreshToken });

    expect(reuse.status).toBe(401);
    expect(await reuse.json()).toMatchObject({ code: "INVALID_REFRESH_TOKEN" });
    expect(newest.status).toBe(401);
  });

  it("answers an unknown email and a wrong password identically", async () => {
    const { user } = await registerUser(setup.app);

    const wrongPassword = await post("/auth/login", {
      email: user.email,
      password: "not the password",
    });
    const unknownEmail = await post("/auth/login", {
      email: `${uniqueName()}@example.com`,
      password: "not the password",
    });

    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(await wrongPassword.text()).toBe(await unknownEmail.text());
  });

  it("refuses the 11th login from one IP within the hour with 429 and Retry-After", async () => {
    const ip = randomIp();
    const attempt = () =>
      post(
        "/auth/login",
        // A fresh address per attempt: this is the per-IP limit, not the per-account one.
        { email: `${uniqueName("nobody")}@example.com`, password: "guess" },
        {
          "x-forwarded-for": ip,
        },
      );

    const statuses: number[] = [];
    for (let index = 0; index < 10; index++) statuses.push((await attempt()).status);
    const eleventh = await attempt();

    expect(statuses).toEqual(Array(10).fill(401));
    expect(eleventh.status).toBe(429);
    expect(Number(eleventh.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await eleventh.json()).toMatchObject({ code: "RATE_LIMIT_EXCEEDED", statusCode: 429 });
    const otherIp = await post("/auth/login", { email: "nobody@example.com", password: "guess" });
    expect(otherIp.status).toBe(401);
  });
});

describe("passwords", () => {
  it("changes the password and revokes every refresh token", async () => {
    const session = await registerUser(setup.app);
    const other = (await (
      await post("/auth/login", { email: session.user.email, password: session.password })
    ).json()) as { refreshToken: string };

    const wrong = await post(
      "/auth/password",
      { currentPassword: "wrong password", newPassword: "a brand new password" },
      bearer(session.accessToken),
    );
    const changed = await post(
      "/auth/password",
      { currentPassword: session.password, newPassword: "a brand new password" },
      bearer(session.accessToken),
    );

    expect(wrong.status).toBe(401);
    expect(changed.status).toBe(200);
    for (const refreshToken of [session.refreshToken, other.refreshToken]) {
      expect((await post("/auth/refresh", { refreshToken })).status).toBe(401);
    }
    const oldLogin = await post("/auth/login", {
      email: session.user.email,
      password: session.password,
    });
    const newLogin = await post("/auth/login", {
      email: session.user.email,
      password: "a brand new password",
    });
    expect(oldLogin.status).toBe(401);
    expect(newLogin.status).toBe(200);
  });

  it("answers a reset request the same for known and unknown emails", async () => {
    const { user } = await registerUser(setup.app);

    const known = await post("/auth/password-reset/request", { email: user.email });
    const unknown = await post("/auth/password-reset/request", {
      email: `${uniqueName()}@example.com`,
    });

    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await known.text()).toBe(await unknown.text());
  });

  it("resets with the emailed single-use token and signs out everywhere", async () => {
    const session = await registerUser(setup.app);
    await post("/auth/password-reset/request", { email: session.user.email });
    const emails = await setup.outbox.list();
    const email = emails.find((message) => message.to === session.user.email);
    const token = /token=([\w-]+)/.exec(email?.text ?? "")?.[1] ?? "";
    expect(token).not.toBe("");

    const confirm = await post("/auth/password-reset/confirm", {
      token,
      newPassword: "reset to this one",
    });
    const again = await post("/auth/password-reset/confirm", {
      token,
      newPassword: "and again to this",
    });

    expect(confirm.status).toBe(200);
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ code: "INVALID_RESET_TOKEN" });
    expect((await post("/auth/refresh", { refreshToken: session.refreshToken })).status).toBe(401);
    const login = await post("/auth/login", {
      email: session.user.email,
      password: "reset to this one",
    });
    expect(login.status).toBe(200);
  });

  it("refuses an expired reset token", async () => {
    const clockSetup = await createTestApp({ env: { PASSWORD_RESET_TTL_SECONDS: "0" } });
    const session = await registerUser(clockSetup.app);
    await clockSetup.app.request(
      "/api/v1/auth/password-reset/request",
      jsonRequest("POST", { email: session.user.email }, { "x-forwarded-for": randomIp() }),
    );
    const [email] = await clockSetup.outbox.list();
    const token = /token=([\w-]+)/.exec(email?.text ?? "")?.[1] ?? "";

    const confirm = await clockSetup.app.request(
      "/api/v1/auth/password-reset/confirm",
      jsonRequest("POST", { token, newPassword: "reset to this one" }),
    );

    expect(confirm.status).toBe(400);
  });
});
