/// <reference lib="dom" />

import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createAdaptorServer } from "@hono/node-server";
import { settleMarketPage } from "@market/core/bets";
import { localStreamReader } from "@market/core/derived/local-stream";
import { resolveMarket } from "@market/core/markets";
import { runMarketSync } from "@market/functions/jobs/markets";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, expect } from "vitest";
import { createTestApp } from "../../functions/src/test-support/app";

/** Debian's Chromium (`.ci/run` installs it); no browser download here. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Browser suites skip without it, loudly; in CI its absence is an error. */
export const haveChromium = existsSync(chromiumPath);
if (!haveChromium && process.env.CI) {
  throw new Error(`Chromium not found at ${chromiumPath}: .ci/run should have installed it`);
}
if (!haveChromium) {
  console.warn(`Browser tests skipped: no Chromium at ${chromiumPath} (set CHROMIUM_PATH).`);
}
export const screenshotDir = resolve(import.meta.dirname, "screenshots");

/** The real production build of the SPA, once per run. */
export async function buildSpa(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), "web-dist-"));
  await build({
    root: resolve(import.meta.dirname, ".."),
    logLevel: "silent",
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

export type Stack = Awaited<ReturnType<typeof startStack>>;

/**
 * The real app (fresh table, demo markets synced) serving the built SPA on loopback.
 * `retryIntervalMs` spaces the workflows' retries (a flaky model then shows as running).
 */
export async function startStack(
  webDistDir: string,
  env: Record<string, string> = {},
  options: { retryIntervalMs?: number } = {},
) {
  const setup = await createTestApp({ webDistDir, env, ...options, stream: true });
  await runMarketSync(setup.core, setup.deps.services);
  // Derived numbers (boards, analytics) and payout emails follow the table's stream, as under `npm start`.
  const derived = localStreamReader(
    { ...setup.core, email: setup.outbox },
    { idleMs: 500 },
  ).start();
  // What the app received as analytics events (POST /events), in order.
  const events: Record<string, unknown>[] = [];
  const server = createAdaptorServer({
    fetch: async (request: Request) => {
      if (request.method === "POST" && new URL(request.url).pathname === "/api/v1/events") {
        events.push((await request.clone().json()) as Record<string, unknown>);
      }
      return setup.app.fetch(request);
    },
  }) as Server;
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** A direct API call, as another device of a user would make it (from `ip`, if given). */
  async function api(
    path: string,
    init: { method?: string; token?: string; body?: unknown; ip?: string } = {},
  ) {
    const response = await setup.app.request(`/api/v1${path}`, {
      method: init.method ?? "GET",
      headers: {
        "content-type": "application/json",
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...(init.ip ? { "x-forwarded-for": init.ip } : {}),
        ...(init.method === "POST" ? { "idempotency-key": crypto.randomUUID() } : {}),
      },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    // biome-ignore lint/suspicious/noExplicitAny: a test reads whatever JSON the route answers
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  }
  async function tokenFor(email: string, password: string): Promise<string> {
    const login = await api("/auth/login", {
      method: "POST",
      body: { email, password },
      ip: clientIp(),
    });
    expect(login.status).toBe(200);
    return login.body.accessToken as string;
  }
  /** A new account made through the API (from its own address), with its access token. */
  async function register(user: ReturnType<typeof newUser>): Promise<string> {
    const made = await api("/auth/register", { method: "POST", body: user, ip: clientIp() });
    expect(made.status).toBe(201);
    return made.body.accessToken as string;
  }
  return {
    ...setup,
    origin,
    api,
    tokenFor,
    register,
    events,
    close: async () => {
      await new Promise<void>((done) => server.close(() => done()));
      await derived.stop();
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
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
}

let clients = 0;
/** A client address of its own, as separate people have (sign-up and log-in are limited per IP). */
export function clientIp(): string {
  clients += 1;
  return `10.${process.pid % 250}.${Math.floor(clients / 250) % 250}.${clients % 250}`;
}

/**
 * Pages of one browser, each in its own context (its own storage and client
 * address). `close()` closes them all and returns the CSP violations and page
 * errors any of them saw, which the suite expects to be none.
 */
/** What `useBrowserStack` starts for a describe block; set once its `beforeAll` has run. */
export interface BrowserSuite {
  stack: Stack;
  browser: Browser;
  pages: ReturnType<typeof pagesOf>;
}

/**
 * Builds the SPA, starts the stack and a browser before a describe block's
 * tests and closes them after; the block fails on any CSP violation or page
 * error its pages saw. Call it inside `describe`. `env` is the app's settings, or
 * a function making them when the block starts (around a loopback stand-in's address).
 */
export function useBrowserStack(
  env: Record<string, string> | (() => Promise<Record<string, string>>) = {},
): BrowserSuite {
  const suite = {} as BrowserSuite;
  beforeAll(async () => {
    const dist = await buildSpa();
    const settings = typeof env === "function" ? await env() : env;
    [suite.stack, suite.browser] = await Promise.all([startStack(dist, settings), launchBrowser()]);
    suite.pages = pagesOf(suite.browser);
  }, 120_000);
  afterAll(async () => {
    const problems = (await suite.pages?.close()) ?? [];
    await suite.browser?.close();
    await suite.stack?.close();
    expect(problems, "CSP violations or page errors").toEqual([]);
  });
  return suite;
}

export function pagesOf(browser: Browser) {
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];
  return {
    async newPage(origin: string): Promise<Page> {
      const context = await browser.newContext({
        viewport: viewports.desktop,
        baseURL: origin,
        extraHTTPHeaders: { "x-forwarded-for": clientIp() },
      });
      contexts.push(context);
      const page = await context.newPage();
      const seen = watchForProblems(page);
      page.on("close", () => problems.push(...seen));
      return page;
    },
    async close(): Promise<string[]> {
      for (const context of contexts) await context.close();
      return problems;
    },
  };
}

let counter = 0;
/** A fresh account's details, unique per run. */
export function newUser(prefix = "user") {
  counter += 1;
  const tag = `${prefix}${Date.now().toString(36)}${counter}`;
  return { username: tag, email: `${tag}@example.com`, password: "a long passphrase 42" };
}

/** CSP violations and page errors seen by a page: the test fails on any. */
export function watchForProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Refused to/i.test(message.text())) {
      problems.push(message.text());
    }
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

export async function signUp(page: Page, origin: string, user: ReturnType<typeof newUser>) {
  await page.goto(`${origin}/signup`);
  await page.getByLabel("Username").fill(user.username);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect.poll(() => balanceText(page), { timeout: 10_000 }).toBe("1,000 credits");
}

/**
 * From a market page signed out: "Log in" in the bet form's aside, the login
 * form, and back on the market. Returns the bet form's amount input.
 */
export async function logInFromBetForm(
  page: Page,
  user: { email: string; password: string },
  marketId: string,
) {
  await page.getByRole("complementary").getByRole("link", { name: "Log in" }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe("/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.locator("main").getByRole("button", { name: "Log in" }).click();
  const amount = page.getByLabel("Amount (credits)");
  await amount.waitFor({ timeout: 15_000 });
  expect(new URL(page.url()).pathname).toBe(`/markets/${marketId}`);
  return amount;
}

/** "1,234.5 credits" as a number. */
export const creditsOf = (text: string | null) => Number((text ?? "").replace(/[^\d.]/g, ""));

/**
 * Resolves the market for the side of the user's only bet and settles it: the
 * bet wins. Returns the bet, as `/bets/me` lists it.
 */
export async function winOnlyBet(
  stack: Stack,
  user: { email: string; password: string },
  marketId: string,
): Promise<{ id: string; side: "this" | "that" }> {
  const token = await stack.tokenFor(user.email, user.password);
  const [bet] = (await stack.api("/bets/me", { token })).body.bets as {
    id: string;
    side: "this" | "that";
  }[];
  if (!bet) throw new Error("the bet placed in the page is not in /bets/me");
  await resolveMarket(stack.core, marketId, bet.side);
  await settleMarketPage(stack.core, marketId);
  return bet;
}

export async function balanceText(page: Page): Promise<string | null> {
  const balance = page.getByTestId("balance");
  if (!(await balance.count())) return null;
  return (await balance.innerText()).replace(/^[¢\s]*(Balance:)?\s*/, "").trim();
}

const axeSource = readFileSync(
  resolve(import.meta.dirname, "../../../node_modules/axe-core/axe.min.js"),
  "utf8",
);

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's CSP does not apply to it.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected above
    const result = await (window as any).axe.run(document, {
      resultTypes: ["violations"],
    });
    return result.violations as AxeViolation[];
  });
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(" "))
          .join(", ")}`,
    );
}

export const viewports = {
  mobile: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
} as const;

/**
 * At phone and desktop size: nothing wider than the viewport, a full-page
 * screenshot, and (at both sizes) no serious axe violations.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  // Right after a navigation the app may still be booting (a blank page whose
  // half-drawn controls axe would judge): wait until it shows words.
  await expect
    .poll(() => page.evaluate(() => document.body.innerText.trim().length), {
      message: `${name} shows no text`,
      timeout: 10_000,
    })
    .toBeGreaterThan(0);
  const original = page.viewportSize();
  for (const [label, size] of Object.entries(viewports)) {
    await page.setViewportSize(size);
    // Charts follow their box on a ResizeObserver: a layout may take a moment
    // to settle after the resize, while an overflow that stays fails here.
    await expect
      .poll(
        () =>
          page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          ),
        { message: `${name} overflows horizontally at ${label}`, timeout: 3_000 },
      )
      .toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(screenshotDir, `${name}-${label}.png`), fullPage: true });
    expect(await seriousViolations(page), `axe on ${name} at ${label}`).toEqual([]);
  }
  if (original) await page.setViewportSize(original);
}

/** What has the focus: `TAG|name|text|href`, for keyboard-only walks. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return `${el?.tagName ?? ""}|${el?.getAttribute("name") ?? ""}|${el?.textContent?.trim() ?? ""}|${el?.getAttribute("href") ?? ""}`;
  });
}

/** Presses Tab until the focused element matches (or fails after `limit` presses). */
export async function tabTo(page: Page, match: (description: string) => boolean, limit = 80) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press("Tab");
    if (match(await focused(page))) return;
  }
  throw new Error(`Tab never reached the element; last focus ${await focused(page)}`);
}

/** Opens the first market of the list by its title link; returns its title and id. */
export async function openFirstMarket(page: Page, origin: string) {
  await page.goto(`${origin}/`);
  const link = page.getByRole("article").first().getByRole("heading").getByRole("link");
  const title = await link.innerText();
  await link.click();
  await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe(title);
  return { title, marketId: new URL(page.url()).pathname.split("/").pop() as string };
}
