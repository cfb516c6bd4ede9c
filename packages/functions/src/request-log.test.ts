import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { logger } from "./logger";
import { createTestApp } from "./test-support/app";
import { type ServedApp, serveOverLoopback } from "./test-support/http";
import { registerUser } from "./test-support/users";

let server: ServedApp;
let setup: Awaited<ReturnType<typeof createTestApp>>;

beforeAll(async () => {
  setup = await createTestApp();
  server = await serveOverLoopback(setup.app);
});
afterAll(() => server.close());

describe("the request log", () => {
  it("carries the user id of a signed-in request, and none for an anonymous one", async () => {
    const user = await registerUser(setup.app);
    const info = vi.spyOn(logger, "info");
    let calls: unknown[][];
    try {
      await (await server.call("GET", "/users/me", { token: user.accessToken })).text();
      await (await server.call("GET", "/markets")).text();
      calls = [...info.mock.calls];
    } finally {
      info.mockRestore();
    }
    const lines = calls
      .filter(([message]) => message === "request")
      .map(([, fields]) => fields as { path: string; userId?: string });
    expect(lines.find((line) => line.path === "/api/v1/users/me")?.userId).toBe(user.user.id);
    expect(lines.find((line) => line.path === "/api/v1/markets")?.userId).toBeUndefined();
  });
});
