import { randomBytes, randomUUID } from "node:crypto";
import type { OutboxEmailSender } from "@market/core/email";
import { beforeAll } from "vitest";
import type { createApp } from "../app";
import { createTestApp, jsonRequest } from "./app";

type App = ReturnType<typeof createApp>;

/** A user signed in through the API: its profile, its tokens and its password. */
export interface SignedInUser {
  user: { id: string; username: string; email: string; creditBalance: number; role: string };
  accessToken: string;
  refreshToken: string;
  password: string;
}

/** A random documentation-range IP, so per-IP limits never couple two tests. */
export function randomIp(): string {
  const bytes = randomBytes(2);
  return `198.51.${bytes[0]}.${bytes[1]}`;
}

export function uniqueName(prefix = "u"): string {
  return `${prefix}_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
}

/**
 * Sends a request again, as a client should, while the server answers 503
 * `AUTH_BUSY` (its password-hashing queue is full: many tests register users at
 * once, and a loaded machine hashes slowly), waiting `Retry-After` between tries.
 */
async function retryingBusy(send: () => Response | Promise<Response>): Promise<Response> {
  for (let attempt = 1; ; attempt += 1) {
    const response = await send();
    if (response.status !== 503 || attempt >= 10) return response;
    const seconds = Number(response.headers.get("retry-after") ?? "1");
    await new Promise((resolve) =>
      setTimeout(resolve, Math.min(seconds, 2) * 1000 * Math.random()),
    );
  }
}

/** Registers a fresh user through the API and returns it signed in. */
export async function registerUser(
  app: App,
  overrides: { username?: string; email?: string; password?: string } = {},
): Promise<SignedInUser> {
  const username = overrides.username ?? uniqueName();
  const password = overrides.password ?? "a long enough password";
  const email = overrides.email ?? `${username}@example.com`;
  const response = await retryingBusy(() =>
    app.request(
      "/api/v1/auth/register",
      jsonRequest("POST", { username, email, password }, { "x-forwarded-for": randomIp() }),
    ),
  );
  if (response.status !== 201) {
    throw new Error(`register failed: ${response.status} ${await response.text()}`);
  }
  return { ...((await response.json()) as Omit<SignedInUser, "password">), password };
}

/**
 * Registers a user whose email is in the app's ADMIN_EMAILS, verifies the
 * address with the link from the outbox (the admin role needs a verified
 * address) and signs in again, so the returned tokens carry the admin role.
 */
export async function registerAdmin(
  app: App,
  outbox: OutboxEmailSender,
  overrides: { username?: string; email?: string; password?: string } = {},
): Promise<SignedInUser> {
  const registered = await registerUser(app, overrides);
  const email = (await outbox.list(500)).find(
    (message) => message.to === registered.user.email && /verify/i.test(message.subject),
  );
  const token = email && /token=([A-Za-z0-9_.-]+)/.exec(email.text)?.[1];
  if (!token) throw new Error(`no verification email for ${registered.user.email}`);
  const verified = await app.request(
    "/api/v1/auth/email/verify",
    jsonRequest("POST", { token }, { "x-forwarded-for": randomIp() }),
  );
  if (verified.status !== 200) throw new Error(`verify failed: ${await verified.text()}`);
  const login = await retryingBusy(() =>
    app.request(
      "/api/v1/auth/login",
      jsonRequest(
        "POST",
        { email: registered.user.email, password: registered.password },
        { "x-forwarded-for": randomIp() },
      ),
    ),
  );
  if (login.status !== 200) throw new Error(`login failed: ${await login.text()}`);
  const session = (await login.json()) as Omit<SignedInUser, "password">;
  if (session.user.role !== "admin") throw new Error("not an admin: is the email in ADMIN_EMAILS?");
  return { ...session, password: registered.password };
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/**
 * The test app (`createTestApp`, with `env`) and one verified admin on it:
 * `const { setup, admin } = await anAppWithAnAdmin({ MODEL_FAULTS: "momentum:fail" })`.
 */
export async function anAppWithAnAdmin(
  env: Record<string, string> = {},
  overrides: Omit<Parameters<typeof createTestApp>[0], "env"> = {},
) {
  const username = uniqueName("admin");
  const setup = await createTestApp({
    ...overrides,
    env: { ...env, ADMIN_EMAILS: `${username}@example.com` },
  });
  const admin = await registerAdmin(setup.app, setup.outbox, { username });
  return { setup, admin };
}

/**
 * `anAppWithAnAdmin` started once before a file's tests (vitest's `beforeAll`):
 * `const given = anAppWithAnAdminBeforeAll({}, { stream: true })`, then
 * `given.setup` and `given.admin` inside the tests.
 */
export function anAppWithAnAdminBeforeAll(
  ...args: Parameters<typeof anAppWithAnAdmin>
): Awaited<ReturnType<typeof anAppWithAnAdmin>> {
  const given = {} as Awaited<ReturnType<typeof anAppWithAnAdmin>>;
  beforeAll(async () => {
    Object.assign(given, await anAppWithAnAdmin(...args));
  });
  return given;
}

/**
 * The test app, one verified admin and one user on it, the setup most admin
 * route tests start from: `({ setup, admin, user } = await withAdminAndUser())`.
 */
export async function withAdminAndUser(
  env: Record<string, string> = {},
  overrides: Omit<Parameters<typeof createTestApp>[0], "env"> = {},
) {
  const { setup, admin } = await anAppWithAnAdmin(env, overrides);
  const user = await registerUser(setup.app);
  return { setup, admin, user };
}

/**
 * Creates a Yes/No market at even odds through `POST /admin/markets` as `admin`
 * (`fields` override the defaults, e.g. an `expiresAt` seconds away); returns
 * the answer, a 201 unless the fields are refused.
 */
export function createMarketAsAdmin(
  app: App,
  admin: SignedInUser,
  fields: Record<string, unknown> & { title: string; expiresAt: string },
) {
  return app.request(
    "/api/v1/admin/markets",
    jsonRequest(
      "POST",
      {
        description: "",
        thisOption: "Yes",
        thatOption: "No",
        thisOdds: 0.5,
        thatOdds: 0.5,
        ...fields,
      },
      bearer(admin.accessToken),
    ),
  );
}
