import { randomBytes, randomUUID } from "node:crypto";
import type { createApp } from "../app";
import { jsonRequest } from "./app";

type App = ReturnType<typeof createApp>;

export interface TestSession {
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

/** Registers a fresh user through the API and returns its session. */
export async function registerUser(
  app: App,
  overrides: { username?: string; email?: string; password?: string } = {},
): Promise<TestSession> {
  const username = overrides.username ?? uniqueName();
  const password = overrides.password ?? "a long enough password";
  const email = overrides.email ?? `${username}@example.com`;
  const response = await app.request(
    "/api/v1/auth/register",
    jsonRequest("POST", { username, email, password }, { "x-forwarded-for": randomIp() }),
  );
  if (response.status !== 201) {
    throw new Error(`register failed: ${response.status} ${await response.text()}`);
  }
  return { ...((await response.json()) as Omit<TestSession, "password">), password };
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}
