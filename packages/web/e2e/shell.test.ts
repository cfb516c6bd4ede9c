import { existsSync, mkdtempSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createAdaptorServer } from "@hono/node-server";
import { type Browser, chromium } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../functions/src/test-support/app";

/** Debian's Chromium (`.ci/run` installs it); no browser download here. */
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const haveChromium = existsSync(chromiumPath);
if (!haveChromium && process.env.CI) {
  throw new Error(`Chromium not found at ${chromiumPath}: .ci/run should have installed it`);
}
if (!haveChromium) {
  console.warn(`Browser tests skipped: no Chromium at ${chromiumPath} (set CHROMIUM_PATH).`);
}

let server: Server;
let browser: Browser;
let origin: string;

describe.skipIf(!haveChromium)("the web app in Chromium", () => {
  beforeAll(async () => {
    // The real production build of the SPA, served by the real app, as `npm start` does.
    const outDir = mkdtempSync(join(tmpdir(), "web-dist-"));
    await build({
      root: resolve(import.meta.dirname, ".."),
      logLevel: "silent",
      build: { outDir, emptyOutDir: true },
    });
    const { app } = await createTestApp({ webDistDir: outDir });
    server = createAdaptorServer({ fetch: app.fetch }) as Server;
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: chromiumPath,
      // Root in a sandbox-less container; no background traffic to hosts we cannot reach.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it("shows the shell and tells the user the API is up", async () => {
    const page = await browser.newPage();

    await page.goto(`${origin}/`);

    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Credits Market");
    await expect
      .poll(() => page.getByRole("status").textContent(), { timeout: 10_000 })
      .toContain("API is up");
    await page.close();
  });

  it("serves the app for a client-side route reloaded in the browser", async () => {
    const page = await browser.newPage();

    const response = await page.goto(`${origin}/markets/some-market`);

    expect(response?.status()).toBe(200);
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Credits Market");
    await page.close();
  });

  it("answers an unknown API path with the JSON error, not the app", async () => {
    const page = await browser.newPage();

    const response = await page.goto(`${origin}/api/v1/nope`);

    expect(response?.status()).toBe(404);
    expect(await response?.json()).toMatchObject({ code: "NOT_FOUND" });
    await page.close();
  });
});
