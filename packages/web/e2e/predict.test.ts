/// <reference lib="dom" />
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  balanceText,
  buildSpa,
  checkPage,
  haveChromium,
  launchBrowser,
  newUser,
  openFirstMarket,
  pagesOf,
  type Stack,
  screenshotDir,
  signUp,
  startStack,
  tabTo,
  viewports,
} from "./stack";

/**
 * Predict with AI in Chromium. The main stack's `momentum` model fails its
 * first attempt and is retried 1.5 s later (so its row is seen running), and
 * `base-rate` hangs until its 3 s timeout, three times (a session that stays
 * running long enough to look at). The second stack fails every model.
 */
const faults = "momentum:flaky:1,base-rate:hang";
const polling = { SESSION_POLL_SECONDS: "0.3" };

let stack: Stack;
let failing: Stack;
let browser: Browser;
let pages: ReturnType<typeof pagesOf>;

/** The analytics events the app received for a market, as `uiSurface`s in order. */
function surfacesFor(on: Stack, marketId: string): unknown[] {
  return on.events
    .filter((event) => event.name === "predict_button_click" && event.marketId === marketId)
    .map((event) => event.uiSurface);
}

/** Holds back the next read of a session until the returned function is called. */
async function holdFirstSessionRead(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((done) => {
    release = done;
  });
  await page.route(
    "**/api/v1/predictions/sessions/*",
    async (route) => {
      await held;
      await route.continue();
    },
    { times: 1 },
  );
  return release;
}

const animationOf = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => getComputedStyle(el).animationName);

const checkbox = (page: Page, name: string) =>
  page.getByRole("checkbox", { name: new RegExp(`^${name}`) });
const modelRow = (page: Page, name: string) =>
  page.getByRole("list", { name: "Models" }).getByRole("listitem").filter({ hasText: name });

async function signedIn(origin: string, prefix: string) {
  const page = await pages.newPage(origin);
  const user = newUser(prefix);
  await signUp(page, origin, user);
  return { page, user };
}

describe.skipIf(!haveChromium)("Predict with AI in Chromium", () => {
  beforeAll(async () => {
    const dist = await buildSpa();
    [stack, failing, browser] = await Promise.all([
      startStack(
        dist,
        { MODEL_FAULTS: faults, MODEL_TIMEOUT_SECONDS: "3", ...polling },
        { retryIntervalMs: 1500 },
      ),
      startStack(dist, { MODEL_FAULTS: "*:fail", ...polling }),
      launchBrowser(),
    ]);
    pages = pagesOf(browser);
  }, 120_000);

  afterAll(async () => {
    const problems = (await pages?.close()) ?? [];
    await browser?.close();
    await Promise.all([stack?.close(), failing?.close()]);
    expect(problems, "CSP violations or page errors").toEqual([]);
  });

  it("predicts from a market list item: skeletons, each model's progress, both outputs, the cost off the balance", async () => {
    const { page } = await signedIn(stack.origin, "predict");
    const item = page.getByRole("article").first();
    const title = await item.getByRole("heading").innerText();
    // Appearing on hover moves nothing: the item keeps its size.
    const before = await item.boundingBox();
    await item.hover();
    expect(await item.boundingBox()).toEqual(before);
    await item.getByRole("link", { name: /^Predict/ }).click();

    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).innerText())
      .toBe("Predict with AI");
    const marketId = new URL(page.url()).pathname.split("/").pop();
    expect(await page.getByRole("heading", { level: 2, name: title }).count()).toBe(1);
    await expect.poll(() => surfacesFor(stack, marketId as string)).toEqual(["market_list"]);
    // Nothing picked: Generate says why it won't.
    expect(await page.getByText("Pick at least one model.").count()).toBe(1);
    await checkbox(page, "Market consensus").check();
    await checkbox(page, "Odds momentum").check();
    expect(await page.getByTestId("total-cost").innerText()).toBe("2 credits");
    await checkPage(page, "predict-generator");

    // The first read of the session is held back, so the skeletons are seen.
    const release = await holdFirstSessionRead(page);
    await page.getByRole("button", { name: /^Generate/ }).click();
    await page.getByRole("status", { name: "Loading the session" }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`^/predict/${marketId}/[^/]+$`));
    await expect.poll(() => balanceText(page)).toBe("998 credits");
    release();

    // Consensus answers at once; momentum's first attempt fails and it runs again.
    await expect
      .poll(() => modelRow(page, "Odds momentum").innerText(), { timeout: 10_000 })
      .toContain("running");
    expect(await page.getByRole("img", { name: "Loading" }).count()).toBe(1);
    expect(await modelRow(page, "Market consensus").innerText()).toMatch(/\d+% · confidence/);
    expect(await page.getByTestId("step").getAttribute("aria-live")).toBe("polite");

    await expect
      .poll(() => page.getByTestId("step").innerText(), { timeout: 15_000 })
      .toContain("Finished");
    const forecasts = page.getByRole("article", { name: /^Forecast of/ });
    expect(await forecasts.count()).toBe(2);
    expect(await forecasts.first().innerText()).toMatch(/Confidence[\s\S]*Key factors/i);
    expect(await page.getByTestId("spread").innerText()).toMatch(/points? apart/);
    expect(await page.getByRole("img", { name: "Loading" }).count()).toBe(0);
    expect(await balanceText(page)).toBe("998 credits");
    await checkPage(page, "predict-results-finished");
    // On a phone each model's name stays on one line (its figures go under it).
    await page.setViewportSize({ width: 390, height: 844 });
    const nameLines = await page
      .getByRole("list", { name: "Models" })
      .locator("li > span:nth-child(2)")
      .evaluateAll((names) =>
        names.map((name) => {
          const fontSize = Number.parseFloat(getComputedStyle(name).fontSize);
          return Math.round(name.getBoundingClientRect().height / (fontSize * 1.5));
        }),
      );
    expect(nameLines).toEqual([1, 1]);
  });

  it("ends a failed session in the refund alert, with the balance back at the same moment", async () => {
    const { page } = await signedIn(failing.origin, "fails");
    const { marketId } = await openFirstMarket(page, failing.origin);
    await page.getByRole("link", { name: "Predict with AI" }).click();
    await checkbox(page, "Market consensus").check();
    await checkbox(page, "Odds momentum").check();
    await page.getByRole("button", { name: /^Generate/ }).click();

    const alert = page.getByRole("alert");
    await expect.poll(() => alert.count(), { timeout: 15_000 }).toBe(1);
    expect(await balanceText(page)).toBe("1,000 credits");
    expect(await alert.innerText()).toMatch(
      /This prediction failed[\s\S]*Your 2 credits were refunded: your balance is 1,000 credits/,
    );
    expect(await page.getByTestId("step").innerText()).toContain("Failed");
    expect(await modelRow(page, "Market consensus").innerText()).toContain("failed");
    expect(surfacesFor(failing, marketId)).toEqual(["market_detail"]);
    await checkPage(page, "predict-results-failed");
  });

  it("preselects the models with Predict again, and View last run opens the last session", async () => {
    const { page, user } = await signedIn(stack.origin, "again");
    const token = await stack.tokenFor(user.email, user.password);
    const markets = await stack.api("/markets?status=open&limit=1");
    const marketId = markets.body.markets[0].id as string;
    const started = await stack.api("/predictions/sessions", {
      method: "POST",
      token,
      body: { marketId, selectedModels: ["consensus", "momentum"] },
    });
    expect(started.status).toBe(201);

    await page.getByRole("link", { name: "Profile" }).first().click();
    await page.getByRole("link", { name: /^Predict again/ }).click();
    await expect
      .poll(() => new URL(page.url()).searchParams.get("models"))
      .toBe("consensus,momentum");
    expect(await checkbox(page, "Market consensus").isChecked()).toBe(true);
    expect(await checkbox(page, "Odds momentum").isChecked()).toBe(true);
    expect(await checkbox(page, "Category base rate").isChecked()).toBe(false);
    expect(await page.getByTestId("total-cost").innerText()).toBe("2 credits");
    await expect.poll(() => surfacesFor(stack, marketId)).toContain("recent_predictions");

    await page.goto(`${stack.origin}/markets/${marketId}`);
    await page.getByRole("link", { name: "View last run" }).click();
    await expect
      .poll(() => new URL(page.url()).pathname)
      .toBe(`/predict/${marketId}/${started.body.sessionId}`);
    await expect
      .poll(() => page.getByTestId("step").innerText(), { timeout: 15_000 })
      .toContain("Finished");

    // New Prediction on the dashboard: a small market picker, then the generator.
    await page.getByRole("link", { name: "Profile" }).first().click();
    await page.getByRole("button", { name: "New Prediction" }).click();
    await page.getByLabel("Find a market").fill("bitcoin");
    const pick = page.getByRole("dialog").getByRole("link", { name: /^Predict: .*Bitcoin/ });
    await pick.first().waitFor();
    await checkPage(page, "predict-recent-picker");
    await pick.first().click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).innerText())
      .toBe("Predict with AI");
  });

  it("disables Predict with 'Need 1+ credit' at 0 credits, and opens how to get more", async () => {
    const { page, user } = await signedIn(stack.origin, "broke");
    const token = await stack.tokenFor(user.email, user.password);
    const marketId = (await stack.api("/markets?status=open&limit=1")).body.markets[0].id;
    const bet = await stack.api("/bets", {
      method: "POST",
      token,
      body: { marketId, side: "this", amount: 1000 },
    });
    expect(bet.status).toBe(201);
    await page.reload();
    await expect.poll(() => balanceText(page)).toBe("0 credits");

    const predict = page
      .getByRole("article")
      .first()
      .getByRole("button", { name: /^Predict/ });
    expect(await predict.getAttribute("aria-disabled")).toBe("true");
    const tip = page.locator(`[id="${await predict.getAttribute("aria-describedby")}"]`);
    expect(await tip.textContent()).toBe("Need 1+ credit");
    await predict.hover();
    await expect.poll(() => tip.isVisible()).toBe(true);
    await checkPage(page, "predict-no-credits");
    // Playwright won't click what is aria-disabled; a person can, and so can the keyboard.
    await predict.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByRole("dialog").innerText()).toContain("daily reward");
    expect(new URL(page.url()).pathname).toBe("/");

    await page.keyboard.press("Escape");
    await page.goto(`${stack.origin}/markets/${marketId}`);
    const detail = page.getByRole("button", { name: "Predict with AI" });
    expect(await detail.getAttribute("aria-disabled")).toBe("true");
  });

  it("sends a signed-out visitor to sign-in, then back to the generator", async () => {
    const user = newUser("visitor");
    await stack.register(user);
    const page = await pages.newPage(stack.origin);
    const { marketId } = await openFirstMarket(page, stack.origin);
    await page.getByRole("link", { name: "Predict with AI" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/login");
    expect(new URL(page.url()).searchParams.get("redirect")).toBe(`/predict/${marketId}`);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Log in" }).click();
    await expect
      .poll(() => new URL(page.url()).pathname, { timeout: 10_000 })
      .toBe(`/predict/${marketId}`);
    await expect.poll(() => page.getByRole("checkbox").count()).toBe(3);
  });

  it("predicts with the keyboard alone", async () => {
    const { page } = await signedIn(stack.origin, "keys");
    await page.goto(`${stack.origin}/`);
    await page.getByRole("article").first().waitFor();
    await tabTo(page, (d) => d.startsWith("A|") && d.includes("/predict/"));
    // Shown on focus, though hidden until hover for a mouse.
    await expect
      .poll(() => page.evaluate(() => getComputedStyle(document.activeElement as Element).opacity))
      .toBe("1");
    await page.keyboard.press("Enter");
    await tabTo(page, (d) => d.startsWith("INPUT|models"));
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Space");
    await tabTo(page, (d) => d.startsWith("BUTTON") && d.includes("Generate"));
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.getByTestId("step").innerText(), { timeout: 15_000 })
      .toContain("Finished");
    expect(await page.getByRole("article", { name: /^Forecast of/ }).count()).toBe(2);
    await expect.poll(() => balanceText(page)).toBe("998 credits");
  });

  it("folds a search result's Predict into a … menu on a phone, and shows a running session", async () => {
    const { page, user } = await signedIn(stack.origin, "phone");
    await page.setViewportSize(viewports.mobile);
    await page.goto(`${stack.origin}/?q=bitcoin`);
    const result = page.getByRole("article").first();
    await checkPage(page, "search-results");
    await result.getByRole("button", { name: /^More actions/ }).click();
    await page.screenshot({ path: join(screenshotDir, "search-predict-menu-mobile.png") });
    await result.getByRole("link", { name: /^Predict/ }).click();
    await expect.poll(() => page.getByRole("checkbox").count()).toBe(3);
    const marketId = new URL(page.url()).pathname.split("/").pop() as string;
    await expect.poll(() => surfacesFor(stack, marketId)).toContain("search_result");

    // A session whose base-rate model hangs stays running: what it looks like then.
    const token = await stack.tokenFor(user.email, user.password);
    const started = await stack.api("/predictions/sessions", {
      method: "POST",
      token,
      body: { marketId, selectedModels: ["consensus", "base-rate"] },
    });
    await page.setViewportSize(viewports.desktop);
    await page.goto(`${stack.origin}/predict/${marketId}/${started.body.sessionId}`);
    await expect.poll(() => modelRow(page, "Category base rate").innerText()).toContain("running");
    await checkPage(page, "predict-results-running");
    expect(await modelRow(page, "Category base rate").innerText()).toContain("running");

    // Asked for less motion: static skeletons, a spinner that does not spin.
    // (Off the page first, so its own polling cannot take the held read.)
    const results = page.url();
    await page.goto("about:blank");
    await page.emulateMedia({ reducedMotion: "reduce" });
    const release = await holdFirstSessionRead(page);
    await page.goto(results);
    const skeleton = page.getByRole("status", { name: "Loading the session" });
    await skeleton.waitFor();
    await expect
      .poll(() => animationOf(page, '[role="status"][aria-label="Loading the session"] span'))
      .toBe("none");
    release();
    await page.getByRole("img", { name: "Loading" }).waitFor();
    await expect.poll(() => animationOf(page, '[role="img"][aria-label="Loading"]')).toBe("none");
  }, 60_000);
});
