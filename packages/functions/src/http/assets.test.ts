import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../test-support/app";
import { type ServedApp, serveOverLoopback } from "../test-support/http";

// Asset lookups read only their own map: a name that is a property of
// Object.prototype is an unknown asset (404), not a 500 with a stack (issue 28).
let server: ServedApp;

beforeAll(async () => {
  const dist = mkdtempSync(join(tmpdir(), "web-dist-"));
  mkdirSync(join(dist, "assets"));
  writeFileSync(join(dist, "index.html"), "<!doctype html><title>app</title>");
  writeFileSync(join(dist, "assets", "app-1234.js"), "console.log(1)");
  const { app } = await createTestApp({ webDistDir: dist });
  server = await serveOverLoopback(app);
});
afterAll(() => server.close());

const prototypeKeys = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"];

describe("docs assets", () => {
  it.each(prototypeKeys)("answers /api/v1/docs/%s with 404", async (name) => {
    const response = await fetch(`${server.url}/api/v1/docs/${name}`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: "NOT_FOUND" });
  });

  it("still serves its own assets", async () => {
    const response = await fetch(`${server.url}/api/v1/docs/swagger-ui.css`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/css/);
    await response.body?.cancel();
  });
});

describe("web assets", () => {
  it.each([...prototypeKeys, "missing-5678.js"])("answers /assets/%s with 404", async (name) => {
    const response = await fetch(`${server.url}/assets/${name}`);
    expect(response.status).toBe(404);
    await response.body?.cancel();
  });

  it("serves a built asset, and the app page for client routes", async () => {
    const asset = await fetch(`${server.url}/assets/app-1234.js`);
    expect(asset.status).toBe(200);
    expect(await asset.text()).toBe("console.log(1)");
    const route = await fetch(`${server.url}/markets/constructor`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain("<title>app</title>");
  });
});
