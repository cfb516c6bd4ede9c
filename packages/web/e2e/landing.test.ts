/// <reference lib="dom" />
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  type BrowserSuite,
  balanceText,
  checkPage,
  haveChromium,
  logInFromBetForm,
  newUser,
  openFirstMarket,
  signUp,
  useBrowserStack,
  viewports,
} from "./stack";

let suite: BrowserSuite;

function newPage(): Promise<Page> {
  return suite.pages.newPage(suite.stack.origin);
}

/** Zod's own wording, which a person should never read (issue 26). */
const rawValidation = /Too (small|big)|expected string|Invalid input|>=\s*\d/;

describe.skipIf(!haveChromium)("a stranger's first visit in Chromium", () => {
  suite = useBrowserStack();

  it("says what this is, shows live markets from the API, and leads to sign-up", async () => {
    const page = await newPage();
    await page.goto("/");
    const landing = page.getByTestId("landing");
    await expect
      .poll(() => landing.getByRole("heading", { level: 1 }).innerText())
      .toBe("Bet play money on real-world questions");
    const text = await landing.innerText();
    expect(text).toMatch(/play money/i);
    expect(text).toMatch(/Polymarket/);
    expect(text).toMatch(/AI forecasts/);

    // The examples are the API's trending open markets, each a link to its page.
    const { body } = await suite.stack.api("/markets?status=open&sort=trending&limit=3");
    const titles = (body.markets as { title: string }[]).map((market) => market.title);
    expect(titles.length).toBeGreaterThan(0);
    const examples = landing.getByRole("listitem").getByRole("link");
    await expect.poll(() => examples.count()).toBe(titles.length);
    for (const [i, title] of titles.entries())
      expect(await examples.nth(i).innerText()).toContain(title);
    // The list line counts the whole list (it said "12 markets", one page's worth, of 25).
    const cards = page.locator("main").getByRole("article");
    await expect.poll(() => cards.count()).toBeGreaterThan(0);
    expect(body.total).toBeGreaterThan(await cards.count());
    expect(await page.getByText(/^Page 1 · /).innerText()).toBe(
      `Page 1 · ${body.total} markets in all`,
    );

    // At phone size the call to action is on the first screen.
    await page.setViewportSize(viewports.mobile);
    const cta = landing.getByRole("link", { name: /^Sign up free/ });
    const box = await cta.boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(viewports.mobile.height);
    await page.setViewportSize(viewports.desktop);
    await checkPage(page, "landing");

    await cta.click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/signup");
  });

  it("writes a refused password for people beside its field, then guides the new account once", async () => {
    const page = await newPage();
    const user = newUser("landing");
    await page.goto("/signup");
    await page.getByLabel("Username").fill(user.username);
    await page.getByLabel("Email").fill(user.email);
    // The browser's own checks are off (noValidate): the API's answer is what shows.
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();

    const password = page.getByLabel("Password");
    await expect.poll(() => password.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await password.getAttribute("aria-describedby")) ?? "";
    const errorId = describedBy.split(" ").find((id) => id.endsWith("-error"));
    expect(errorId).toBeTruthy();
    expect(await page.locator(`[id="${errorId}"]`).innerText()).toBe(
      "Password must be at least 10 characters long.",
    );
    expect(await page.locator("main").innerText()).not.toMatch(rawValidation);
    await checkPage(page, "signup-validation");

    // The typed details stay; a good password creates the account.
    expect(await page.getByLabel("Email").inputValue()).toBe(user.email);
    await password.fill(user.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect.poll(() => balanceText(page), { timeout: 15_000 }).toBe("1,000 credits");

    const guide = page.getByTestId("first-run");
    await expect.poll(() => guide.count()).toBe(1);
    const steps = await guide.getByRole("listitem").allInnerTexts();
    expect(steps.map((step) => step.split(".")[0])).toEqual([
      "Pick a market",
      "Place a first bet",
      "Ask the AI",
    ]);
    expect(await page.getByTestId("landing").count()).toBe(0);
    await checkPage(page, "first-run-guide");

    // Dismissed, it does not come back, not even after a reload.
    await guide.getByRole("button", { name: "Got it, hide this" }).click();
    await expect.poll(() => guide.count()).toBe(0);
    await page.reload();
    await expect.poll(() => balanceText(page), { timeout: 10_000 }).toBe("1,000 credits");
    expect(await page.getByTestId("first-run").count()).toBe(0);

    // On a phone the filters fold behind one button with the count in use, the
    // first market starts on the first screen and the navigation fits.
    await page.setViewportSize(viewports.mobile);
    await page.goto("/?sort=liquidity");
    const toggle = page.getByRole("button", { name: "Filters (1)" });
    await expect.poll(() => toggle.getAttribute("aria-expanded")).toBe("false");
    expect(await page.getByLabel("Sort by").isVisible()).toBe(false);
    const first = page.getByRole("article").first();
    await expect.poll(() => first.count()).toBe(1);
    const top = (await first.boundingBox())?.y ?? Number.POSITIVE_INFINITY;
    expect(top).toBeLessThan(viewports.mobile.height);
    const nav = page.getByRole("navigation", { name: "Main (compact)" });
    expect(await nav.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    await toggle.click();
    expect(await page.getByLabel("Sort by").inputValue()).toBe("liquidity");
    await checkPage(page, "markets-filters-open");
  });

  it("keeps the market page, the chosen side and the typed amount when a re-read fails", async () => {
    const page = await newPage();
    await signUp(page, suite.stack.origin, newUser("blip"));
    const { marketId } = await openFirstMarket(page, suite.stack.origin);
    await page.goto(`/markets/${marketId}?side=that`);
    await expect.poll(() => page.getByRole("radio").nth(1).isChecked()).toBe(true);
    await page.getByLabel("Amount (credits)").fill("42");

    // The market's next poll (every 30 s) and its retries fail: the page stays.
    await page.route("**/api/v1/markets/**", (route) => route.abort("connectionrefused"));
    const banner = page.getByTestId("stale-banner");
    await banner.waitFor({ timeout: 60_000 });
    expect(await banner.innerText()).toMatch(
      /Can't reach the server: showing what was last loaded/,
    );
    expect(await page.getByLabel("Amount (credits)").inputValue()).toBe("42");
    expect(await page.getByRole("radio").nth(1).isChecked()).toBe(true);
    expect(await page.getByRole("button", { name: /Place bet/ }).count()).toBe(1);
    await checkPage(page, "market-offline");

    // Back online, "Try again" re-reads and the banner goes; nothing typed is lost.
    await page.unroute("**/api/v1/markets/**");
    await banner.getByRole("button", { name: "Try again" }).click();
    await banner.waitFor({ state: "detached" });
    expect(await page.getByLabel("Amount (credits)").inputValue()).toBe("42");
  }, 90_000);

  it("returns from logging in to the same bet form, side and amount", async () => {
    const user = newUser("back");
    expect((await suite.stack.api("/auth/register", { method: "POST", body: user })).status).toBe(
      201,
    );
    const page = await newPage();
    const { marketId } = await openFirstMarket(page, suite.stack.origin);
    await page.goto(`/markets/${marketId}?side=that&amount=42`);
    await page.getByRole("link", { name: "Sign up to bet" }).waitFor();
    const amount = await logInFromBetForm(page, user, marketId);
    expect(await amount.inputValue()).toBe("42");
    expect(await page.getByRole("radio").nth(1).isChecked()).toBe(true);
  });
});
