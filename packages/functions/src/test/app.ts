import { loadConfig } from "@market/core";
import { createTestDb } from "../../../../scripts/test/db";
import { type AppDeps, createApp } from "../app";

/** The real app on a fresh table of the run's DynamoDB Local. */
export async function createTestApp(overrides: Partial<AppDeps> = {}) {
  const db = await createTestDb("api");
  const config = loadConfig({});
  return { app: createApp({ db, config, ...overrides }), db, config };
}

export function jsonRequest(method: string, body: unknown, headers: Record<string, string> = {}) {
  return {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  };
}
